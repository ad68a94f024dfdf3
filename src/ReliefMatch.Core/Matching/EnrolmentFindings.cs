using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// What <c>duplicate-enrolment</c> and <c>dibao-tekun-overlap</c> both raise for a person found enrolled more than
/// once: one finding per home household among the person's rows (the first row of each), its evidence the rows
/// that are not its own, repaired when any of the rows was tied to the person by a repaired ID.
/// </summary>
internal static class EnrolmentFindings
{
    /// <param name="rows">The person's roster rows that the rule concerns, in roster order.</param>
    /// <param name="isOwn">Whether a row belongs to the finding of the given home row (and so is not evidence).</param>
    public static void Add(MonthEvaluation month, Rule rule, int person, List<int> rows, Func<int, int, bool> isOwn, List<Finding> findings)
    {
        var roster = month.Data.Roster;
        var index = month.Index;
        var idNumber = index.IdNumber(person);
        var confidence = rows.Exists(index.IsRowRepaired) ? Confidence.Repaired : Confidence.Exact;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var own in rows)
        {
            var row = roster[own];
            var household = row.HouseholdId.Trim();
            if (!month.IsHomeRow(own) || !done.Add(household))
            {
                continue;
            }
            var evidence = new List<Evidence>();
            foreach (var o in rows)
            {
                if (!isOwn(own, o))
                {
                    var other = roster[o];
                    evidence.Add(new Evidence(other.Source, other.ExtractId, other.Row, EvidenceText.AlsoEnrolled(other, month.IsHomeRow(o), month.HomeCountyName)));
                }
            }
            findings.Add(month.NewFinding(rule, idNumber, household, row.Name, row.Township, row.Village ?? "", month.HouseholdProgrammes(household), confidence, evidence));
        }
    }
}
