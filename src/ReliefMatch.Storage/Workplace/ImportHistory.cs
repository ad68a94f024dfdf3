using Npgsql;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>What has been imported (<c>reliefmatch.extracts</c>) and which rows were rejected, for the county's import pages.</summary>
public sealed class ImportHistory(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, source, file, period, imported_at, sha256, size, encoding, sheet, header_row, rows_read, accepted, rejected, skipped";

    /// <summary>The latest imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportedExtract>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM reliefmatch.extracts ORDER BY id DESC LIMIT $1");
        cmd.Parameters.Add(new() { Value = limit });
        var list = new List<ImportedExtract>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(r));
        }
        return list;
    }

    /// <summary>
    /// The extracts stamped for <paramref name="period"/> (imported for it, or a snapshot dropped again for it), by source
    /// then file: what a run of the month reads as the month's own data. None: the month has no data, and is not run.
    /// </summary>
    public async Task<IReadOnlyList<ImportedExtract>> StampedAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {Columns} FROM reliefmatch.extracts
            WHERE id IN (SELECT extract_id FROM reliefmatch.extract_periods WHERE period = $1)
            ORDER BY source COLLATE "C", file COLLATE "C", id
            """);
        cmd.Parameters.Add(new() { Value = period.ToString() });
        var list = new List<ImportedExtract>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(r));
        }
        return list;
    }

    /// <summary>The months some extract is stamped for, newest first.</summary>
    public async Task<IReadOnlyList<ReportingMonth>> StampedMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT DISTINCT period FROM reliefmatch.extract_periods ORDER BY period DESC");
        var list = new List<ReportingMonth>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReportingMonth.Parse(r.GetString(0)));
        }
        return list;
    }

    public async Task<ImportedExtract?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM reliefmatch.extracts WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(r) : null;
    }

    /// <summary>The periods an extract belongs to (its own, and later ones for a snapshot dropped again), in order.</summary>
    public async Task<IReadOnlyList<ReportingMonth>> PeriodsAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT period FROM reliefmatch.extract_periods WHERE extract_id = $1 ORDER BY period");
        cmd.Parameters.Add(new() { Value = id });
        var list = new List<ReportingMonth>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReportingMonth.Parse(r.GetString(0)));
        }
        return list;
    }

    /// <summary>The rejected rows of an extract in row order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<RejectedRow>> RejectedRowsAsync(long id, int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(StoredRejects.Sql);
        return await StoredRejects.ReadAsync(cmd, id, limit, cancellationToken).ConfigureAwait(false);
    }

    private static ImportedExtract Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Source = SourceRef.Of(r.GetString(1)),
        File = r.GetString(2),
        Period = ReportingMonth.Parse(r.GetString(3)),
        ImportedAt = r.GetFieldValue<DateTimeOffset>(4),
        Sha256 = r.GetString(5),
        Size = r.GetInt64(6),
        Encoding = r.GetString(7),
        Sheet = r.IsDBNull(8) ? null : r.GetString(8),
        HeaderRow = r.GetInt32(9),
        RowsRead = r.GetInt32(10),
        Accepted = r.GetInt32(11),
        Rejected = r.GetInt32(12),
        Skipped = r.GetInt32(13),
    };
}
