using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>home-visit-overdue</c>: a home-county household with a member enrolled in dibao, income_stable 否 (on
/// any row) and a member with work_ability 有劳动能力, whose latest last_visit_on is missing, or plus the
/// interval (calendar months) is before end(P).
/// </summary>
internal sealed class HomeVisitOverdueCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.HomeVisitOverdue;

    public static RuleNeeds Needs(Rule rule) =>
        RuleNeeds.RosterOnly with { RosterColumns = [RosterColumn.LastVisitOn, RosterColumn.IncomeStable, RosterColumn.WorkAbility] };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (RecheckIntervalParameters)rule.Parameters;
        foreach (var household in month.Households)
        {
            if (!household.HasEnrolledDibao || !household.IncomeUnstable || household.AbleMembers == 0
                || !parameters.IsOverdue(household.LastVisitOn, month.End))
            {
                continue;
            }
            var source = month.Data.Roster[household.LastVisitRow >= 0 ? household.LastVisitRow : household.Head];
            var text = EvidenceText.HomeVisit(household.LastVisitOn, parameters.IntervalMonths, household.AbleMembers);
            findings.Add(HouseholdFinding.Make(month, rule, household, [new Evidence(source.Source, source.ExtractId, source.Row, text)]));
        }
    }
}
