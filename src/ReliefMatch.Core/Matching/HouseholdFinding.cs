using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>A household-level finding: filed under the household's head (户主 or 本人, else its first row).</summary>
internal static class HouseholdFinding
{
    public static Finding Make(MonthEvaluation month, Rule rule, RosterHousehold household, IReadOnlyList<Evidence> evidence)
    {
        var head = month.Data.Roster[household.Head];
        return month.NewFinding(rule, head.Id.Text, household.Id, head.Name, head.Township, head.Village ?? "",
            MonthEvaluation.ProgrammesOf(household.ProgrammeMask), Confidence.Exact, evidence);
    }
}
