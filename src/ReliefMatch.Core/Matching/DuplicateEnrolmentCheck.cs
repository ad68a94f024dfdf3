using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>duplicate-enrolment</c>: a person enrolled in two or more households (county code, household id) of
/// the roster set, at least one in the home county. One finding per home household where the person is
/// enrolled; the evidence lists the enrolments in the other households.
/// </summary>
internal static class DuplicateEnrolmentCheck
{
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
            var idNumber = index.IdNumber(person);
            var programmes = month.HomeProgrammes(person);
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in enrolled)
            {
                var row = roster[r];
                var household = row.HouseholdId.Trim();
                if (!month.IsHomeRow(r) || !done.Add(household))
                {
                    continue;
                }
                var evidence = new List<Evidence>();
                var confidence = Confidence.Exact;
                foreach (var o in enrolled)
                {
                    if (month.IsHomeRow(o) && string.Equals(roster[o].HouseholdId.Trim(), household, StringComparison.Ordinal))
                    {
                        if (index.IsRowRepaired(o))
                        {
                            confidence = Confidence.Repaired;
                        }
                        continue;
                    }
                    if (index.IsRowRepaired(o))
                    {
                        confidence = Confidence.Repaired;
                    }
                    var other = roster[o];
                    evidence.Add(new Evidence(other.Source, other.ExtractId, other.Row, EvidenceText.AlsoEnrolled(other, month.IsHomeRow(o))));
                }
                findings.Add(month.NewFinding(rule, idNumber, household, row.Name, row.Township, row.Village ?? "", programmes, confidence, evidence));
            }
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
