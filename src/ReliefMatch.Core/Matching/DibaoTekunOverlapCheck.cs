using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>dibao-tekun-overlap</c>: a person enrolled in dibao and in tekun at the same time (anywhere in the
/// roster set), at least one of those enrolments in the home county. One finding per home household in
/// which the person is enrolled in dibao or tekun; the evidence lists the person's other dibao and tekun
/// enrolments.
/// </summary>
internal sealed class DibaoTekunOverlapCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.DibaoTekunOverlap;

    public static RuleNeeds Needs(Rule rule) => RuleNeeds.RosterOnly;

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var roster = month.Data.Roster;
        var index = month.Index;
        var rows = new List<int>();
        for (var person = 0; person < index.Count; person++)
        {
            if (!month.HasHomeEnrolled(person))
            {
                continue;
            }
            var all = index.RosterRows(person);
            if (all.Length < 2)
            {
                continue;
            }
            rows.Clear();
            bool dibao = false, tekun = false;
            foreach (var r in all)
            {
                var row = roster[r];
                if (!row.IsEnrolled)
                {
                    continue;
                }
                if (row.Programme.IsDibao())
                {
                    dibao = true;
                    rows.Add(r);
                }
                else if (row.Programme == Programme.Tekun)
                {
                    tekun = true;
                    rows.Add(r);
                }
            }
            if (!dibao || !tekun)
            {
                continue;
            }
            EnrolmentFindings.Add(month, rule, person, rows, (own, o) => o == own, findings);
        }
    }
}
