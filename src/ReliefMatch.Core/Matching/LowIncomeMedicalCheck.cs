using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>low-income-medical</c>: a low-income person not enrolled in dibao or tekun whose out-of-pocket costs
/// settled from the first day of month P−(window−1) to end(P) add up to at least the threshold. One finding
/// per person; the evidence is the total, then each settlement.
/// </summary>
internal sealed class LowIncomeMedicalCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.LowIncomeMedical;

    /// <remarks>Its people are in the roster or the monitoring extract; a person on no home roster is placed by a disability certificate.</remarks>
    public static RuleNeeds Needs(Rule rule) => new()
    {
        Sources = [[SourceKind.Roster, SourceKind.Monitoring], [SourceKind.Medical]],
        Parts = MonthParts.MedicalSettlements | MonthParts.DisabilityMatches,
        MedicalWindowMonths = ((MedicalCostParameters)rule.Parameters).WindowMonths,
    };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (MedicalCostParameters)rule.Parameters;
        var from = month.WindowStart(parameters.WindowMonths);
        var settlements = month.Medical.Settlements;
        var i = 0;
        while (i < settlements.Count)
        {
            var person = settlements[i].Person;
            var end = i;
            var total = 0m;
            var count = 0;
            for (; end < settlements.Count && settlements[end].Person == person; end++)
            {
                var settlement = settlements[end];
                if (settlement.SettledOn >= from)
                {
                    total += settlement.OutOfPocket;
                    count++;
                }
            }
            if (count > 0 && total >= parameters.Threshold)
            {
                findings.Add(Build(month, rule, parameters, settlements, i, end, from, total, count));
            }
            i = end;
        }
    }

    private static Finding Build(MonthEvaluation month, Rule rule, MedicalCostParameters parameters, List<MedicalScan.Settlement> settlements,
        int start, int end, DateOnly from, decimal total, int count)
    {
        var records = month.Data.Medical;
        var chosen = new List<MedicalScan.Settlement>(count);
        for (var k = start; k < end; k++)
        {
            if (settlements[k].SettledOn >= from)
            {
                chosen.Add(settlements[k]);
            }
        }
        chosen.Sort((a, b) =>
        {
            var ra = records[a.Record];
            var rb = records[b.Record];
            var c = ra.SettledOn.CompareTo(rb.SettledOn);
            if (c == 0)
            {
                c = ra.ExtractId.CompareTo(rb.ExtractId);
            }
            return c != 0 ? c : ra.Row.CompareTo(rb.Row);
        });
        var latest = records[chosen[^1].Record];
        var evidence = new List<Evidence>(chosen.Count + 1)
        {
            new(latest.Source, latest.ExtractId, latest.Row, EvidenceText.MedicalTotal(parameters.WindowMonths, total, count)),
        };
        var confidence = Confidence.Probable;
        foreach (var s in chosen)
        {
            var r = records[s.Record];
            confidence = MonthEvaluation.Stronger(confidence, s.Confidence);
            evidence.Add(new Evidence(r.Source, r.ExtractId, r.Row, EvidenceText.Settlement(r, s.Confidence)));
        }
        var person = settlements[start].Person;
        var place = month.LowIncomePlace(person);
        return month.NewFinding(rule, month.Index.IdNumber(person), place.HouseholdId, place.Name, place.Township, place.Village,
            month.HouseholdProgrammes(place.HouseholdId), confidence, evidence);
    }
}
