using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// A township's 数据比对预警核查清单: the findings its staff must check this month, one row per finding
/// (a flagged person under one rule and one household), with the columns for what they find and do: empty for an
/// open finding, filled with what was recorded (<see cref="WorklistOutcome"/>). A finding dismissed on an earlier
/// month's worklist is left off (<see cref="RunFinding.IsOnWorklistOf"/>). Rows are by 核查时限 (soonest first), then in ordinal order of village, name, ID, rule,
/// household.
/// </summary>
public sealed record Worklist(string Township, string Title, IReadOnlyList<WorklistRow> Rows)
{
    /// <summary>The column headers, in order; the last one, 预警编号, is for matching a returned worklist back.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["序号", "村", "姓名", "身份证号", "救助类别", "预警类型", "证据", "建议处置", "核查时限", "核查结果", "处置情况", "核查人", "核查日期", "预警编号"];

    /// <summary>The headers of the columns the township fills in (empty until it has recorded an outcome).</summary>
    public static IReadOnlyList<string> TownshipColumns { get; } = ["核查结果", "处置情况", "核查人", "核查日期"];

    /// <summary>
    /// One worklist per township: every township of <paramref name="homeTownships"/> (an empty list is still
    /// sent, so the township knows it has nothing to check) and any other township a finding names. Findings
    /// with no township are on no worklist (they are in findings.csv).
    /// </summary>
    /// <param name="fullIds">Print full IDs, in the ID column and in the evidence, instead of masked ones (for a bureau's own use, not for posting).</param>
    public static IReadOnlyList<Worklist> Build(
        string countyName,
        ReportingMonth period,
        IEnumerable<RunFinding> findings,
        IEnumerable<string> homeTownships,
        bool fullIds = false)
    {
        var byTownship = new SortedDictionary<string, List<RunFinding>>(StringComparer.Ordinal);
        foreach (var township in homeTownships)
        {
            byTownship.TryAdd(township, []);
        }
        foreach (var finding in findings.Where(f => f.IsOnWorklistOf(period) && !string.IsNullOrWhiteSpace(f.Finding.Township)))
        {
            if (!byTownship.TryGetValue(finding.Finding.Township, out var list))
            {
                byTownship[finding.Finding.Township] = list = [];
            }
            list.Add(finding);
        }

        // Each township's rows depend on its findings alone: built side by side, kept in township order.
        var townships = byTownship.ToArray();
        var worklists = new Worklist[townships.Length];
        Parallel.For(0, townships.Length, i =>
            worklists[i] = new Worklist(townships[i].Key, TitleOf(countyName, period, townships[i].Key), RowsOf(townships[i].Value, period, fullIds)));
        return worklists;
    }

    /// <summary>E.g. <c>永福县2023年7月 罗锦镇 数据比对预警核查清单</c>.</summary>
    public static string TitleOf(string countyName, ReportingMonth period, string township) =>
        $"{countyName}{FindingText.ChineseMonth(period)} {township} 数据比对预警核查清单";

    /// <summary>A row's cells in <see cref="Headers"/> order, as the CSV writes them.</summary>
    public static IReadOnlyList<string> Cells(WorklistRow row) =>
    [
        row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.Village,
        row.Name,
        row.IdNumber,
        row.Programmes,
        row.Warning,
        row.Evidence,
        row.SuggestedAction,
        FindingText.Date(row.DueDate),
        row.Outcome.Result,
        row.Outcome.Remarks,
        row.Outcome.CheckedBy,
        row.Outcome.CheckedOn,
        row.Reference,
    ];

    private static List<WorklistRow> RowsOf(IEnumerable<RunFinding> findings, ReportingMonth period, bool fullIds) =>
        findings
            .OrderBy(f => f.DueDate)
            .ThenBy(f => f.Finding.Village, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.IdNumber, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.HouseholdId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Discriminator, StringComparer.Ordinal)
            .Select((f, i) => new WorklistRow(
                i + 1,
                f.Finding.Village,
                f.Finding.Name,
                fullIds ? f.Finding.IdNumber : ResidentId.Mask(f.Finding.IdNumber),
                FindingText.Programmes(f.Finding),
                FindingText.Warning(f.Finding),
                FindingText.Evidence(f.Finding, fullIds),
                f.Finding.SuggestedAction,
                f.DueDate,
                f.Finding.Reference) { Outcome = WorklistOutcome.Of(f, period, fullIds) })
            .ToList();
}
