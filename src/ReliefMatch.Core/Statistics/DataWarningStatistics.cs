using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Statistics;

/// <summary>
/// Computes the 数据预警 line of the 统计表 (docs/rules.md, "数据预警 counts"): distinct persons, by ID number, with at
/// least one finding of a rule that feeds 数据预警 first raised in the reporting month. The plan asks for the
/// month's own numbers, not a running total, so a finding still open from an earlier month is not counted again.
/// </summary>
public static class DataWarningStatistics
{
    /// <summary>
    /// Counts <paramref name="findings"/> for <paramref name="period"/>.
    /// </summary>
    /// <param name="homeTownships">
    /// The townships of the home county (from the roster); each appears in the report even with no finding.
    /// A finding in a township not on this list still counts, under its own township, so that a spelling the
    /// roster does not know shows up instead of vanishing. A finding with no township counts in the county only.
    /// </param>
    /// <remarks>
    /// A finding's disposition does not matter: a flag raised this month and already dismissed was still
    /// marked this month, and re-running a month must give the same sheet.
    /// </remarks>
    public static DataWarningReport Count(ReportingMonth period, IEnumerable<RunFinding> findings, IEnumerable<string> homeTownships)
    {
        var marked = findings
            .Where(f => f.Finding.FeedsDataWarning && f.FirstSeen == period)
            .Select(f => f.Finding)
            .ToList();

        var townships = new SortedDictionary<string, DataWarningCounts>(StringComparer.Ordinal);
        foreach (var township in homeTownships)
        {
            townships[township] = DataWarningCounts.Zero;
        }
        foreach (var group in marked.Where(f => !string.IsNullOrWhiteSpace(f.Township)).GroupBy(f => f.Township, StringComparer.Ordinal))
        {
            townships[group.Key] = CountPersons(group);
        }

        return new DataWarningReport(
            period,
            CountPersons(marked),
            townships.Select(t => new TownshipDataWarning(t.Key, t.Value)).ToList());
    }

    /// <summary>Distinct persons among the findings; a person is in a programme if any of their findings says so.</summary>
    private static DataWarningCounts CountPersons(IEnumerable<Finding> findings)
    {
        int total = 0, dibao = 0, tekun = 0, edge = 0, expenditure = 0;
        foreach (var person in findings.GroupBy(f => f.IdNumber, StringComparer.Ordinal))
        {
            var programmes = person.SelectMany(f => f.Programmes).ToHashSet();
            total++;
            if (programmes.Any(p => p.IsDibao()))
            {
                dibao++;
            }
            if (programmes.Contains(Programme.Tekun))
            {
                tekun++;
            }
            if (programmes.Contains(Programme.Edge))
            {
                edge++;
            }
            if (programmes.Contains(Programme.Expenditure))
            {
                expenditure++;
            }
        }
        return new DataWarningCounts(total, dibao, tekun, edge, expenditure);
    }
}
