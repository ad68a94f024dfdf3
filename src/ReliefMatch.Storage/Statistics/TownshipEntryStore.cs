using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// The 统计表 cells a township enters for a month (<see cref="TownshipEntries"/>), one row per township and month; a
/// save replaces the township's row for the month. Later runs of the month and the workplace read them back. Only a
/// save is stamped with a time, given by the caller's clock, so that reading needs none.
/// </summary>
public sealed class TownshipEntryStore(NpgsqlDataSource dataSource)
{
    /// <summary>The entered counts, in <see cref="SheetCells.EnteredCounts"/> order: also the table's column names.</summary>
    private static readonly IReadOnlyList<string> Columns = SheetCells.EnteredCounts.Select(c => c.Key).ToList();

    public async Task SaveAsync(string township, ReportingMonth period, TownshipEntries entries, string userName, DateTimeOffset savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var columns = string.Join(", ", Columns);
        var values = string.Join(", ", Columns.Select((_, i) => "$" + (i + 4)));
        var updates = string.Join(", ", Columns.Append("meeting_on").Append("saved_by").Append("saved_at").Select(c => $"{c} = excluded.{c}"));
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO reliefmatch.township_entries (township, period, meeting_on, {columns}, saved_by, saved_at)
            VALUES ($1, $2, $3, {values}, ${Columns.Count + 4}, ${Columns.Count + 5})
            ON CONFLICT (period, township) DO UPDATE SET {updates}
            """);
        cmd.Parameters.Add(new() { Value = township });
        cmd.Parameters.Add(new() { Value = period.ToString() });
        cmd.Parameters.Add(new() { Value = entries.MeetingOn is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        foreach (var column in Columns)
        {
            cmd.Parameters.Add(new() { Value = entries.Counts.TryGetValue(column, out var n) ? n : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        }
        cmd.Parameters.Add(new() { Value = userName });
        cmd.Parameters.Add(new() { Value = savedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What every township entered for <paramref name="period"/>, by township.</summary>
    public async Task<IReadOnlyDictionary<string, TownshipEntries>> LoadAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, TownshipEntries>(StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand(
            $"SELECT township, meeting_on, {string.Join(", ", Columns)} FROM reliefmatch.township_entries WHERE period = $1 ORDER BY township");
        cmd.Parameters.Add(new() { Value = period.ToString() });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                if (!r.IsDBNull(2 + i))
                {
                    counts[Columns[i]] = r.GetInt32(2 + i);
                }
            }
            result[r.GetString(0)] = new TownshipEntries(r.IsDBNull(1) ? null : r.GetFieldValue<DateOnly>(1), counts);
        }
        return result;
    }
}
