using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>deceased-recipient</c>: a home-county enrolled person with matched death evidence (exact, repaired or
/// probable) dated on or before end(P). One finding per person and home household where the person is
/// enrolled; police cancellations for other reasons than death, later deaths and stopped rows flag nothing.
/// </summary>
internal sealed class DeceasedRecipientCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.DeceasedRecipient;

    public static RuleNeeds Needs(Rule rule) => ((DeathEvidenceParameters)rule.Parameters).Needs(MonthParts.DeathMatches);

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (DeathEvidenceParameters)rule.Parameters;
        var deaths = month.Data.Deaths;
        var matches = month.DeathMatches;
        var byPerson = new Dictionary<int, List<int>>();
        for (var i = 0; i < deaths.Count; i++)
        {
            var match = matches[i];
            if (!match.IsMatch || !month.HasHomeEnrolled(match.Person))
            {
                continue;
            }
            var record = deaths[i];
            if (!record.IsDeath || record.EffectiveDeathDate is not { } died || died > month.End || !parameters.Uses(record.Kind))
            {
                continue;
            }
            if (!byPerson.TryGetValue(match.Person, out var list))
            {
                byPerson.Add(match.Person, list = []);
            }
            list.Add(i);
        }

        var roster = month.Data.Roster;
        var index = month.Index;
        foreach (var (person, records) in byPerson)
        {
            records.Sort((a, b) => CompareDeaths(deaths[a], deaths[b]));
            var evidence = new List<Evidence>(records.Count);
            var confidence = Confidence.Probable;
            foreach (var i in records)
            {
                var c = matches[i].Confidence!.Value;
                confidence = MonthEvaluation.Stronger(confidence, c);
                evidence.Add(new Evidence(deaths[i].Kind, deaths[i].ExtractId, deaths[i].Row, EvidenceText.Death(deaths[i], c)));
            }
            var idNumber = index.IdNumber(person);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in index.RosterRows(person))
            {
                var row = roster[r];
                if (!month.IsHomeRow(r) || !row.IsEnrolled || !seen.Add(row.HouseholdId.Trim()))
                {
                    continue;
                }
                var rowConfidence = index.IsRowRepaired(r) ? MonthEvaluation.Weaker(confidence, Confidence.Repaired) : confidence;
                findings.Add(month.NewFinding(rule, idNumber, row.HouseholdId.Trim(), row.Name, row.Township, row.Village ?? "",
                    month.HouseholdProgrammes(row.HouseholdId), rowConfidence, evidence));
            }
        }
    }

    private static int CompareDeaths(DeathRecord a, DeathRecord b)
    {
        var c = Nullable.Compare(a.EffectiveDeathDate, b.EffectiveDeathDate);
        if (c == 0)
        {
            c = a.Kind.CompareTo(b.Kind);
        }
        if (c == 0)
        {
            c = a.ExtractId.CompareTo(b.ExtractId);
        }
        return c != 0 ? c : a.Row.CompareTo(b.Row);
    }
}
