using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>economic-check-overdue</c>: a home-county household with a member enrolled in dibao or tekun whose
/// latest last_check_on (over all its rows) is missing, or plus the interval (calendar months) is before end(P).
/// </summary>
internal sealed class EconomicCheckOverdueCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.EconomicCheckOverdue;

    public static RuleNeeds Needs(Rule rule) => RuleNeeds.RosterOnly with { RosterColumns = [RosterColumn.LastCheckOn] };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (RecheckIntervalParameters)rule.Parameters;
        foreach (var household in month.Households)
        {
            if (!(household.HasEnrolledDibao || household.HasEnrolledTekun) || !parameters.IsOverdue(household.LastCheckOn, month.End))
            {
                continue;
            }
            var source = month.Data.Roster[household.LastCheckRow >= 0 ? household.LastCheckRow : household.Head];
            var evidence = new[] { new Evidence(source.Source, source.ExtractId, source.Row, EvidenceText.EconomicCheck(household.LastCheckOn, parameters.IntervalMonths)) };
            findings.Add(HouseholdFinding.Make(month, rule, household, evidence));
        }
    }
}
