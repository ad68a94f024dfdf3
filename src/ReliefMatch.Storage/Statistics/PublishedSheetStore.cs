using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// The 统计表 a county published (上报) for a month (reliefmatch.published_statistics). A publication is never changed or
/// removed: publishing again adds the next version, and the latest version is what the month's downloads serve and what
/// later runs are compared with. The time of a publication is the caller's (its clock), so reading needs none.
/// </summary>
public sealed class PublishedSheetStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores <paramref name="sheet"/> as the next version of <paramref name="period"/>; returns it (1 for the first).</summary>
    public async Task<PublishedSheet> PublishAsync(ReportingMonth period, string sheet, string userName, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sheet);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two officers publishing at once: the second waits, then takes the next number.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('publish:' || $1, 0))", connection))
        {
            take.Parameters.Add(new() { Value = period.ToString() });
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        int version;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reliefmatch.published_statistics (period, version, sheet, published_by, published_at)
            SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM reliefmatch.published_statistics WHERE period = $1
            RETURNING version
            """, connection))
        {
            insert.Parameters.Add(new() { Value = period.ToString() });
            insert.Parameters.Add(new() { Value = sheet });
            insert.Parameters.Add(new() { Value = userName });
            insert.Parameters.Add(new() { Value = publishedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            version = (int)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PublishedSheet(period, version, sheet, userName, publishedAt);
    }

    /// <summary>Every published version of <paramref name="period"/>, newest first (empty: the month is not published).</summary>
    public async Task<IReadOnlyList<PublishedSheet>> ListAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT version, sheet, published_by, published_at FROM reliefmatch.published_statistics WHERE period = $1 ORDER BY version DESC
            """);
        cmd.Parameters.Add(new() { Value = period.ToString() });
        var list = new List<PublishedSheet>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new PublishedSheet(period, r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        }
        return list;
    }

    /// <summary>The latest published version of <paramref name="period"/>; null when the month is not published.</summary>
    public async Task<PublishedSheet?> LatestAsync(ReportingMonth period, CancellationToken cancellationToken = default) =>
        (await ListAsync(period, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
}
