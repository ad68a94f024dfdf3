using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>value-shared</c> (general): one value of a field (an account) on the source's records for P of enrolled persons of
/// two or more home-county households. One finding per value and household, naming the other households. The shipped
/// shared-account rule is a file of this kind.
/// </summary>
internal sealed class ValueSharedCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.ValueShared;

    public static RuleNeeds Needs(Rule rule)
    {
        var p = (ValueSharedParameters)rule.Parameters;
        return new()
        {
            Sources = [[SourceKind.Roster]],
            DeclaredSources = [[p.Source]],
            DeclaredFields = [new(p.Source, p.Field), new(p.Source, p.MonthField)],
            // Only records tied to a person enrolled in the home county share a value.
            TiedRecordsOnly = [p.Source],
        };
    }

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var p = (ValueSharedParameters)rule.Parameters;
        if (month.Declared(p.Source) is not { } declared)
        {
            return;
        }
        var (table, matches) = declared;
        var months = table.Months(DeclaredRecords.Field(table, p.MonthField, rule).Name);
        var field = DeclaredRecords.Field(table, p.Field, rule);
        var roster = month.Data.Roster;
        var byValue = new Dictionary<string, List<(int Record, RosterHousehold Household)>>(StringComparer.Ordinal);
        for (var r = 0; r < table.Count; r++)
        {
            if (months[r] != month.Period || !DeclaredRecords.IsTied(matches[r]) || !month.HasHomeEnrolled(matches[r].Person)
                || DeclaredRecords.TextOrEmpty(table, field.Name, r) is not { Length: > 0 } value)
            {
                continue;
            }
            foreach (var i in month.Index.RosterRows(matches[r].Person))
            {
                if (month.IsHomeRow(i) && roster[i].IsEnrolled && month.Household(roster[i].HouseholdId) is { } household)
                {
                    if (!byValue.TryGetValue(value, out var list))
                    {
                        byValue.Add(value, list = []);
                    }
                    list.Add((r, household));
                }
            }
        }
        foreach (var (value, list) in byValue)
        {
            var households = list.Select(x => x.Household).Distinct().ToList();
            if (households.Count < 2)
            {
                continue;
            }
            var summary = $"{table.Declaration.ChineseName}：{field.Headers[0]} {value} 于 {month.Period} 收到 {households.Count} 户在保人员的款项" +
                $"（家庭编号 {string.Join("、", households.Select(h => h.Id))}）";
            foreach (var household in households)
            {
                var evidence = new List<Evidence> { DeclaredRecords.EvidenceOf(table, list.First(x => x.Household == household).Record, summary) };
                foreach (var (record, other) in list.Where(x => x.Household != household).DistinctBy(x => x.Record))
                {
                    evidence.Add(DeclaredRecords.EvidenceOf(table, record,
                        $"{table.Declaration.ChineseName}：{table.Names[record]}（家庭编号 {other.Id}）{months[record]} 款项进入同一{field.Headers[0]}"));
                }
                findings.Add(HouseholdFinding.Make(month, rule, household, evidence) with { Discriminator = value });
            }
        }
    }
}
