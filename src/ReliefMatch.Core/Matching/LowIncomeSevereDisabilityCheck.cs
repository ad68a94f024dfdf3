using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>low-income-severe-disability</c>: a low-income person not enrolled in dibao or tekun holding a valid
/// certificate of severe disability (as the rule's levels and level-3 categories define it). One finding per person.
/// </summary>
internal sealed class LowIncomeSevereDisabilityCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.LowIncomeSevereDisability;

    /// <remarks>Its people are in the roster or the monitoring extract.</remarks>
    public static RuleNeeds Needs(Rule rule) => new()
    {
        Sources = [[SourceKind.Roster, SourceKind.Monitoring], [SourceKind.Disability]],
        Parts = MonthParts.DisabilityMatches,
    };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (SevereDisabilityParameters)rule.Parameters;
        var records = month.Data.Disability;
        var matches = month.DisabilityMatches;
        var byPerson = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            var match = matches[i];
            if (!match.IsMatch)
            {
                continue;
            }
            // The record's own fields first: they are read in order, the person's flags are not.
            var record = records[i];
            if (!parameters.IsSevere(record.Category, record.Level) || !record.IsValid || !month.IsLowIncomeCandidate(match.Person))
            {
                continue;
            }
            if (!byPerson.TryGetValue(match.Person, out var list))
            {
                byPerson.Add(match.Person, list = []);
            }
            list.Add(i);
        }
        foreach (var (person, list) in byPerson)
        {
            var evidence = new List<Evidence>(list.Count);
            var confidence = Confidence.Probable;
            foreach (var i in list)
            {
                var c = matches[i].Confidence!.Value;
                confidence = MonthEvaluation.Stronger(confidence, c);
                evidence.Add(new Evidence(records[i].Source, records[i].ExtractId, records[i].Row, EvidenceText.Disability(records[i], c)));
            }
            var place = month.LowIncomePlace(person);
            findings.Add(month.NewFinding(rule, month.Index.IdNumber(person), place.HouseholdId, place.Name, place.Township, place.Village,
                month.HouseholdProgrammes(place.HouseholdId), confidence, evidence));
        }
    }
}
