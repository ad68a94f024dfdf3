using System.Globalization;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// Loads only the roster snapshot of a month, by the same rule as <see cref="ExtractSetLoader"/> (every roster
/// extract linked to the latest period ≤ P that has any): the due lists and the sample need nothing else, and
/// loading the histories (medical, deaths) for them would cost minutes on a large county.
/// A snapshot whose extracts are those of <paramref name="held"/> (what a run that evaluated its month still holds) is
/// taken from there, not read again.
/// </summary>
public sealed class RosterSnapshotLoader(NpgsqlDataSource dataSource, HeldSnapshots? held = null)
{
    public async Task<RosterSnapshot> LoadAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var (snapshotPeriod, ids, rows) = await LoadSnapshotAsync(period, "roster", $"SELECT {RecordColumns.Roster} FROM reliefmatch.roster_records",
            RecordColumns.ReadRoster, held is null ? null : (held.RosterExtracts, held.Roster), cancellationToken).ConfigureAwait(false);
        return new RosterSnapshot(snapshotPeriod, ids, rows);
    }

    /// <summary>The monitoring snapshot of a month, by the same rule; null when there is none.</summary>
    public async Task<(string Period, IReadOnlyList<MonitoringRecord> Rows)?> LoadMonitoringAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var (snapshotPeriod, _, rows) = await LoadSnapshotAsync(period, "monitoring", $"SELECT {RecordColumns.Monitoring} FROM reliefmatch.monitoring_records",
            RecordColumns.ReadMonitoring, held is null ? null : (held.MonitoringExtracts, held.Monitoring), cancellationToken).ConfigureAwait(false);
        return snapshotPeriod is null ? null : (snapshotPeriod, rows);
    }

    private async Task<(string? Period, List<long> Ids, IReadOnlyList<T> Rows)> LoadSnapshotAsync<T>(ReportingMonth period, string source, string select,
        Func<CopyRowReader, StringPool, T> read, (IReadOnlyList<long> Extracts, IReadOnlyList<T> Rows)? inMemory, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        string? snapshotPeriod = null;
        var ids = new List<long>();
        await using (var cmd = new NpgsqlCommand("""
            WITH snapshot AS (
                SELECT ep.extract_id, ep.period FROM reliefmatch.extract_periods ep
                JOIN reliefmatch.extracts e ON e.id = ep.extract_id
                WHERE e.source = $2 AND ep.period <= $1)
            SELECT DISTINCT extract_id, period FROM snapshot WHERE period = (SELECT max(period) FROM snapshot) ORDER BY extract_id
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = period.ToString() });
            cmd.Parameters.Add(new() { Value = source });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(r.GetInt64(0));
                snapshotPeriod = r.GetString(1);
            }
        }
        var rows = new List<T>();
        if (ids.Count == 0)
        {
            return (null, ids, rows);
        }
        if (inMemory is { } same && same.Extracts.SequenceEqual(ids))
        {
            return (snapshotPeriod, ids, same.Rows);
        }

        // COPY takes no parameters; the IDs are numbers formatted here.
        var list = string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await Task.Run(() =>
        {
            var pool = new StringPool();
            using var stream = connection.BeginRawBinaryCopy(
                $"COPY ({select} WHERE extract_id IN ({list}) ORDER BY extract_id, row) TO STDOUT (FORMAT BINARY)");
            var reader = CopyRowReader.Open(stream, $"the {source} snapshot");
            while (reader.NextRow())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(read(reader, pool));
            }
        }, cancellationToken).ConfigureAwait(false);
        return (snapshotPeriod, ids, rows);
    }
}
