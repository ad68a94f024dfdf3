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
/// </summary>
public sealed class RosterSnapshotLoader(NpgsqlDataSource dataSource)
{
    public async Task<RosterSnapshot> LoadAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        string? snapshotPeriod = null;
        var ids = new List<long>();
        await using (var cmd = new NpgsqlCommand("""
            WITH roster AS (
                SELECT ep.extract_id, ep.period FROM reliefmatch.extract_periods ep
                JOIN reliefmatch.extracts e ON e.id = ep.extract_id
                WHERE e.source = 'roster' AND ep.period <= $1)
            SELECT DISTINCT extract_id, period FROM roster WHERE period = (SELECT max(period) FROM roster) ORDER BY extract_id
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = period.ToString() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(r.GetInt64(0));
                snapshotPeriod = r.GetString(1);
            }
        }
        if (ids.Count == 0)
        {
            return new RosterSnapshot(null, [], []);
        }

        // COPY takes no parameters; the IDs are numbers formatted here.
        var list = string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var rows = new List<RosterRecord>();
        await Task.Run(() =>
        {
            var pool = new StringPool();
            using var stream = connection.BeginRawBinaryCopy(
                $"COPY (SELECT {RecordColumns.Roster} FROM reliefmatch.roster_records WHERE extract_id IN ({list}) ORDER BY extract_id, row) TO STDOUT (FORMAT BINARY)");
            var reader = CopyRowReader.Open(stream, "the roster snapshot");
            while (reader.NextRow())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(RecordColumns.ReadRoster(reader, pool));
            }
        }, cancellationToken).ConfigureAwait(false);
        return new RosterSnapshot(snapshotPeriod, ids, rows);
    }
}
