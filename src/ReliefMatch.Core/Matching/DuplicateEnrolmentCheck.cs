using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>duplicate-enrolment</c>: a person enrolled in two or more households (county code, household id) of
/// the roster set, at least one in the home county. One finding per home household where the person is
/// enrolled; the evidence lists the enrolments in the other households.
/// </summary>
internal sealed class DuplicateEnrolmentCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.DuplicateEnrolment;

    public static RuleNeeds Needs(Rule rule) => RuleNeeds.RosterOnly;

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var roster = month.Data.Roster;
        var index = month.Index;
        var enrolled = new List<int>();
        for (var person = 0; person < index.Count; person++)
        {
            if (!month.HasHomeEnrolled(person))
            {
                continue;
            }
            var rows = index.RosterRows(person);
            if (rows.Length < 2)
            {
                continue;
            }
            enrolled.Clear();
            foreach (var r in rows)
            {
                if (roster[r].IsEnrolled)
                {
                    enrolled.Add(r);
                }
            }
            if (enrolled.Count < 2 || !SpansHouseholds(month, enrolled))
            {
                continue;
            }
            // The rows of the home household itself are the finding's own, not evidence.
            EnrolmentFindings.Add(month, rule, person, enrolled, (own, o) => month.IsHomeRow(o)
                && string.Equals(roster[o].HouseholdId.Trim(), roster[own].HouseholdId.Trim(), StringComparison.Ordinal), findings);
        }
    }

    /// <summary>Whether the enrolled rows belong to at least two households.</summary>
    private static bool SpansHouseholds(MonthEvaluation month, List<int> enrolled)
    {
        var roster = month.Data.Roster;
        var first = roster[enrolled[0]];
        var firstCounty = CountyCodes.County(first.CountyCode, month.HomeCounty);
        var firstId = first.HouseholdId.Trim();
        for (var k = 1; k < enrolled.Count; k++)
        {
            var row = roster[enrolled[k]];
            if (!string.Equals(row.HouseholdId.Trim(), firstId, StringComparison.Ordinal)
                || !string.Equals(CountyCodes.County(row.CountyCode, month.HomeCounty), firstCounty, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
