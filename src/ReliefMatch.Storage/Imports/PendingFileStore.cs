using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// The files waiting for an officer to confirm their month (reliefmatch.pending_files): neither their name nor their
/// title states one, so they were neither imported nor refused. One row per path; a file found again with other bytes
/// replaces its row. Confirming imports the file stamped with the month confirmed and removes the row.
/// </summary>
public sealed class PendingFileStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Lists the file as waiting (again); returns its id.</summary>
    public async Task<long> RecordAsync(string path, FileReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO reliefmatch.pending_files (path, source, file, sha256, size, found_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (path) DO UPDATE SET source = excluded.source, file = excluded.file, sha256 = excluded.sha256, size = excluded.size,
                found_at = CASE WHEN reliefmatch.pending_files.sha256 = excluded.sha256 THEN reliefmatch.pending_files.found_at ELSE excluded.found_at END
            RETURNING id
            """);
        cmd.Parameters.Add(new() { Value = path });
        cmd.Parameters.Add(new() { Value = report.Source.Id });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(report.File) });
        cmd.Parameters.Add(new() { Value = report.Sha256 });
        cmd.Parameters.Add(new() { Value = report.Size });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Every file waiting, oldest first.</summary>
    public async Task<IReadOnlyList<PendingFile>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT id, path, source, file, sha256, size, found_at FROM reliefmatch.pending_files ORDER BY found_at, id");
        var list = new List<PendingFile>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new PendingFile(r.GetInt64(0), r.GetString(1),
                SourceRef.Of(r.GetString(2)),
                r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetFieldValue<DateTimeOffset>(6)));
        }
        return list;
    }

    public async Task<PendingFile?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(f => f.Id == id);

    /// <summary>The file is no longer waiting (imported with a confirmed month, or gone).</summary>
    public async Task RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM reliefmatch.pending_files WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
