using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>application-not-visited</c>: an application (the latest row per application number; every row is the home
/// county's) with no home-visit date, accepted on or before end(P), and either decided or accepted more than the
/// rule's days before end(P). One finding per application.
/// </summary>
internal sealed class ApplicationNotVisitedCheck : IRuleCheck
{
    private const string Source = "applications";

    public static RuleKind Kind => RuleKind.ApplicationNotVisited;

    public static RuleNeeds Needs(Rule rule) => new()
    {
        DeclaredSources = [[Source]],
        DeclaredFields = [new(Source, "accepted_on"), new(Source, "visited_on")],
    };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var days = ((VisitDaysParameters)rule.Parameters).VisitDays;
        if (month.Declared(Source) is not { } declared)
        {
            return;
        }
        var (table, matches) = declared;
        var accepted = table.Dates("accepted_on");
        var visited = table.Dates("visited_on");
        var decided = table.HasField("decided_on") ? table.Dates("decided_on") : null;
        var latest = month.End.AddDays(-days);
        for (var r = 0; r < table.Count; r++)
        {
            if (visited[r] is not null || accepted[r] is not { } on || on > month.End || !(decided?[r] is not null || on < latest))
            {
                continue;
            }
            var number = DeclaredRecords.TextOrEmpty(table, "application_no", r);
            var what = string.Join("，", new[] { "channel", "programme" }.Select(f => DeclaredRecords.Cell(table, f, r)).Where(v => v.Length > 0));
            var state = decided?[r] is { } d
                ? $"{EvidenceText.Date(d)} 已审批{(DeclaredRecords.TextOrEmpty(table, "decision", r) is { Length: > 0 } x ? x : "")}"
                : $"受理已 {month.End.DayNumber - on.DayNumber} 天";
            var text = $"{table.Declaration.ChineseName}：申请编号 {number}，{EvidenceText.Date(on)} 受理" + (what.Length > 0 ? $"（{what}）" : "") + $"，{state}，无入户调查日期";
            var person = DeclaredRecords.IsTied(matches[r]) ? matches[r].Person : -1;
            var id = table.Ids[r].IsValid ? table.Ids[r].Id!.Value.ToString() : table.Ids[r].Text;
            var township = DeclaredRecords.TextOrEmpty(table, "township", r);
            var village = DeclaredRecords.TextOrEmpty(table, "village", r);
            if (township.Length == 0 && person >= 0 && month.HomeRowOf(person) is var home and >= 0)
            {
                (township, village) = (month.Data.Roster[home].Township, month.Data.Roster[home].Village ?? "");
            }
            findings.Add(month.NewFinding(rule, id, "", table.Names[r], township, village, [], Confidence.Exact,
                [DeclaredRecords.EvidenceOf(table, r, text)], number));
        }
    }
}
