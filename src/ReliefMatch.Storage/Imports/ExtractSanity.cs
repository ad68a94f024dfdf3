using System.Text.Json;
using Npgsql;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// The extract sanity checks of a month, from what storage holds: each source's extracts stamped for the month against
/// the same source's latest earlier month (<see cref="ExtractChecks"/>). Reads only; computed again whenever asked, so
/// a changed threshold applies to every month shown, and the same data always gives the same warnings. The
/// installation's declarations (<paramref name="catalog"/>, the shipped ones unless given) say which sources are
/// snapshots (a snapshot that loses a township is named) and the headers of their date fields, a county's own
/// sources among them.
/// </summary>
public sealed class ExtractSanity(NpgsqlDataSource dataSource, SourceCatalog? catalog = null)
{
    private readonly SourceCatalog _catalog = catalog ?? SourceCatalog.Shipped;

    /// <summary>The warnings of <paramref name="period"/>, by source id then check, then file.</summary>
    public async Task<IReadOnlyList<SanityWarning>> CheckAsync(ReportingMonth period, SanityThresholds thresholds, CancellationToken cancellationToken = default)
    {
        var current = await MonthsAsync("ep.period = $1", period, cancellationToken).ConfigureAwait(false);
        var previous = await MonthsAsync("""
            (e.source, ep.period) IN (SELECT e2.source, max(p2.period) FROM reliefmatch.extract_periods p2 JOIN reliefmatch.extracts e2 ON e2.id = p2.extract_id
                                      WHERE p2.period < $1 GROUP BY e2.source)
            """, period, cancellationToken).ConfigureAwait(false);
        return current.Values.OrderBy(m => m.Source, StringComparer.Ordinal)
            .SelectMany(m => ExtractChecks.Compare(m, previous.GetValueOrDefault(m.Source), thresholds, _catalog))
            .ToList();
    }

    /// <summary>The warnings of several months (an import's), month by month.</summary>
    public async Task<IReadOnlyList<SanityWarning>> CheckAsync(IEnumerable<ReportingMonth> periods, SanityThresholds thresholds, CancellationToken cancellationToken = default)
    {
        var all = new List<SanityWarning>();
        foreach (var period in periods.Distinct().Order())
        {
            all.AddRange(await CheckAsync(period, thresholds, cancellationToken).ConfigureAwait(false));
        }
        return all;
    }

    private async Task<Dictionary<string, SourceMonth>> MonthsAsync(string where, ReportingMonth period, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT e.source, ep.period, e.file, e.rows_read, e.rejected, p.columns, p.townships, p.date_months::text
            FROM reliefmatch.extract_periods ep
            JOIN reliefmatch.extracts e ON e.id = ep.extract_id
            LEFT JOIN reliefmatch.extract_profiles p ON p.extract_id = e.id
            WHERE {where}
            ORDER BY e.source COLLATE "C", e.file COLLATE "C", e.id
            """);
        cmd.Parameters.Add(new() { Value = period.ToString() });
        var rows = new List<(string Source, ReportingMonth Period, ExtractFigures Figures)>();
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((r.GetString(0), ReportingMonth.Parse(r.GetString(1)), new ExtractFigures
                {
                    File = r.GetString(2),
                    RowsRead = r.GetInt32(3),
                    Rejected = r.GetInt32(4),
                    Columns = r.IsDBNull(5) ? null : r.GetFieldValue<string[]>(5),
                    Townships = r.IsDBNull(6) ? null : r.GetFieldValue<string[]>(6).ToHashSet(StringComparer.Ordinal),
                    DateMonths = r.IsDBNull(7) ? new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal) : DateMonths(r.GetString(7)),
                }));
            }
        }
        return rows.GroupBy(x => x.Source, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => new SourceMonth(g.Key, g.First().Period, _catalog.Find(g.Key)?.Policy == SourcePolicy.Snapshot, g.Select(x => x.Figures).ToList()),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> DateMonths(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(json)!
            .ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal);
}
