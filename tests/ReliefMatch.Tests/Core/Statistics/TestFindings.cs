using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Tests.Core.Statistics;

/// <summary>Findings for the statistics and output tests.</summary>
internal static class TestFindings
{
    public static readonly ReportingMonth July = new(2023, 7);
    public static readonly ReportingMonth June = new(2023, 6);

    public static Finding Make(
        string id,
        string township,
        string rule = "deceased-recipient",
        Programme[]? programmes = null,
        string household = "H1",
        bool feedsDataWarning = true,
        string name = "张三",
        string village = "",
        string[]? evidence = null) => new()
    {
        RuleId = rule,
        RuleVersion = 1,
        IdNumber = id,
        HouseholdId = household,
        Name = name,
        Township = township,
        Village = village,
        Programmes = programmes ?? [Programme.RuralDibao],
        Confidence = Confidence.Exact,
        Evidence = (evidence ?? ["公安户籍注销：2023-05-12 死亡"]).Select((t, i) => new Evidence(SourceKind.PoliceDeaths, 1, i + 2, t)).ToList(),
        FeedsDataWarning = feedsDataWarning,
        DueDays = 30,
    };

    /// <summary>The 统计表 counted from findings alone: every cell with another source blank.</summary>
    public static MonthStatistics Statistics(ReportingMonth period, IEnumerable<RunFinding> findings, IEnumerable<string> townships) =>
        SheetStatistics.Compute(new StatisticsInput { HomeCountyCode = "450326", Period = period, Findings = findings.ToList(), HomeTownships = townships.ToList() });

    public static RunFinding Run(Finding finding, ReportingMonth? firstSeen = null, FindingStatus status = FindingStatus.Open) =>
        new(finding, firstSeen ?? July, status);
}
