using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>paid-after-death</c>: a person of the roster set with death evidence (matched as deceased-recipient matches it,
/// the person perhaps since stopped) who was paid, by valid ID, for months after the month of death up to P. The
/// earliest death date counts. One finding per person; the evidence states the months and the total paid after death
/// as values (<see cref="Evidence.Amount"/>, <see cref="Evidence.Months"/>): the overpayment a township recovers.
/// </summary>
internal sealed class PaidAfterDeathCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.PaidAfterDeath;

    /// <remarks>What deceased-recipient reads (the roster and the death sources of the rule file), and the payments.</remarks>
    public static RuleNeeds Needs(Rule rule)
    {
        var deaths = ((DeathEvidenceParameters)rule.Parameters).Needs(MonthParts.DeathMatches);
        var payments = Payments.Needs("amount");
        return deaths with
        {
            DeclaredSources = [.. deaths.DeclaredSources, .. payments.DeclaredSources],
            DeclaredFields = payments.DeclaredFields,
        };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var parameters = (DeathEvidenceParameters)rule.Parameters;
        if (Payments.Of(month) is not { } payments)
        {
            return;
        }
        var deaths = month.Data.Deaths;
        var matches = month.DeathMatches;
        // Per ID key: the person and the death records, the earliest first.
        var byKey = new Dictionary<long, (int Person, List<int> Records)>();
        for (var i = 0; i < deaths.Count; i++)
        {
            var record = deaths[i];
            if (!matches[i].IsMatch || !record.IsDeath || record.EffectiveDeathDate is null || !parameters.Uses(record.Kind))
            {
                continue;
            }
            var key = month.Index.Key(matches[i].Person);
            if (!byKey.TryGetValue(key, out var entry))
            {
                byKey.Add(key, entry = (matches[i].Person, []));
            }
            entry.Records.Add(i);
        }
        if (byKey.Count == 0)
        {
            return;
        }
        var paid = new Dictionary<long, List<int>>();
        for (var r = 0; r < payments.Table.Count; r++)
        {
            var key = payments.Table.Ids[r].IsValid ? payments.Table.Ids[r].Key : 0;
            if (key != 0 && payments.Programmes[r] is not null && payments.Months[r] is { } m && m <= month.Period && byKey.TryGetValue(key, out var entry)
                && m > ReportingMonth.Of(entry.Records.Min(i => deaths[i].EffectiveDeathDate!.Value)))
            {
                if (!paid.TryGetValue(key, out var rows))
                {
                    paid.Add(key, rows = []);
                }
                rows.Add(r);
            }
        }
        foreach (var (key, rows) in paid)
        {
            var (person, records) = byKey[key];
            records.Sort((a, b) => Nullable.Compare(deaths[a].EffectiveDeathDate, deaths[b].EffectiveDeathDate) is var c and not 0 ? c
                : deaths[a].ExtractId != deaths[b].ExtractId ? deaths[a].ExtractId.CompareTo(deaths[b].ExtractId) : deaths[a].Row.CompareTo(deaths[b].Row));
            var evidence = new List<Evidence>();
            var confidence = Confidence.Probable;
            foreach (var i in records)
            {
                var c = matches[i].Confidence!.Value;
                confidence = MonthEvaluation.Stronger(confidence, c);
                evidence.Add(new Evidence(deaths[i].Kind, deaths[i].ExtractId, deaths[i].Row, EvidenceText.Death(deaths[i], c)));
            }
            rows.Sort((a, b) => payments.Months[a]!.Value.CompareTo(payments.Months[b]!.Value) is var c and not 0 ? c
                : payments.Table.ExtractIds[a] != payments.Table.ExtractIds[b] ? payments.Table.ExtractIds[a].CompareTo(payments.Table.ExtractIds[b])
                : payments.Table.Rows[a].CompareTo(payments.Table.Rows[b]));
            var months = rows.Select(r => payments.Months[r]!.Value).Distinct().ToList();
            var total = payments.Sum(rows);
            var died = deaths[records[0]].EffectiveDeathDate!.Value;
            evidence.Add(DeclaredRecords.EvidenceOf(payments.Table, rows[^1],
                $"{payments.Table.Declaration.ChineseName}：{EvidenceText.Date(died)} 死亡后仍发放 {string.Join("、", months)}，共{months.Count}个月，合计 {EvidenceText.Money(total)} 元，应予追回")
                with { Amount = total, Months = months });
            evidence.AddRange(rows.Select(payments.Evidence));
            var place = DeclaredRecords.Place(month, person, payments.Table, rows[0]);
            findings.Add(month.NewFinding(rule, Payments.IdOf(key), place.HouseholdId, place.Name, place.Township, place.Village,
                month.HouseholdProgrammes(place.HouseholdId), confidence, evidence));
        }
    }
}
