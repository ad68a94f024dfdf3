using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>tag-monitored</c>: a monitored person (risk not cleared) identified in P. Where the monitoring files of the month
/// have no 识别时间 column the rule is skipped, and the 统计表 counts the persons new to the monitoring snapshot instead
/// (docs/statistics.md), which needs the previous snapshot a run does not load.
/// </summary>
internal sealed class TagMonitoredCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.TagMonitored;

    public static RuleNeeds Needs(Rule rule) => new()
    {
        Sources = [[SourceKind.Monitoring]],
        DeclaredFields = [MonthSources.MonitoringIdentifiedOn],
    };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var records = month.Data.Monitoring;
        var matches = month.MonitoringMatches;
        var done = new HashSet<int>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!matches[i].IsMatch || record.RiskCleared || !month.Period.Contains(record.IdentifiedOn) || !done.Add(matches[i].Person))
            {
                continue;
            }
            var person = matches[i].Person;
            var home = month.HomeRowOf(person);
            var (household, township, village, name) = home >= 0
                ? (month.Data.Roster[home].HouseholdId.Trim(), month.Data.Roster[home].Township, month.Data.Roster[home].Village ?? "", month.Data.Roster[home].Name)
                : ("", record.Township?.Trim() ?? "", record.Village?.Trim() ?? "", record.Name);
            var evidence = new Evidence(record.Source, record.ExtractId, record.Row, $"{record.Source.ChineseName}：{EvidenceText.Date(record.IdentifiedOn)} 纳入监测");
            findings.Add(month.NewFinding(rule, month.Index.IdNumber(person), household, name, township, village,
                month.HouseholdProgrammes(household), matches[i].Confidence!.Value, [evidence]));
        }
    }
}
