using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// <c>amount-mismatch</c>: a home-county household paid for P in a programme some member is enrolled in, every such
/// member having a monthly amount on the roster, whose payments of the programme (to its members' IDs, or carrying
/// its household id) differ from the sum of those monthly amounts by more than the tolerance. One finding per
/// household and programme.
/// </summary>
internal sealed class AmountMismatchCheck : IRuleCheck
{
    public static RuleKind Kind => RuleKind.AmountMismatch;

    public static RuleNeeds Needs(Rule rule) => Payments.Needs("amount") with { RosterColumns = [RosterColumn.MonthlyAmount] };

    public static void Run(MonthEvaluation month, Rule rule, List<Finding> findings)
    {
        var tolerance = ((ToleranceParameters)rule.Parameters).Tolerance;
        if (Payments.Of(month) is not { } payments)
        {
            return;
        }
        var byKey = new Dictionary<(long, Programme), List<int>>();
        var byHousehold = new Dictionary<(string, Programme), List<int>>();
        foreach (var r in payments.For(month.Period))
        {
            var programme = payments.Programmes[r]!.Value;
            if (payments.Keys[r] != 0)
            {
                Add(byKey, (payments.Keys[r], programme), r);
            }
            if (payments.HouseholdId(r) is { Length: > 0 } household)
            {
                Add(byHousehold, (household, programme), r);
            }
        }
        if (byKey.Count == 0 && byHousehold.Count == 0)
        {
            return;
        }
        var roster = month.Data.Roster;
        foreach (var (household, rows) in HouseholdMembers.Of(month))
        {
            foreach (var programme in MonthEvaluation.ProgrammesOf(household.ProgrammeMask))
            {
                var enrolled = rows.Where(i => roster[i].IsEnrolled && roster[i].Programme == programme)
                    .DistinctBy(i => HouseholdMembers.KeyOf(month, i) is var k and not 0 ? k : -i).ToList();
                if (enrolled.Exists(i => roster[i].MonthlyAmount is null))
                {
                    continue;
                }
                var paid = rows.Select(i => HouseholdMembers.KeyOf(month, i)).Where(k => k != 0).Distinct()
                    .SelectMany(k => byKey.GetValueOrDefault((k, programme)) ?? [])
                    .Concat(byHousehold.GetValueOrDefault((household.Id, programme)) ?? []).Distinct().Order().ToList();
                if (paid.Count == 0)
                {
                    continue;
                }
                var expected = enrolled.Sum(i => roster[i].MonthlyAmount!.Value);
                var total = payments.Sum(paid);
                if (Math.Abs(total - expected) <= tolerance)
                {
                    continue;
                }
                var evidence = new List<Evidence>
                {
                    DeclaredRecords.EvidenceOf(payments.Table, paid[0],
                        $"{payments.Table.Declaration.ChineseName}：{month.Period} {programme.Chinese()}发放合计 {EvidenceText.Money(total)} 元，" +
                        $"花名册月保障金额合计 {EvidenceText.Money(expected)} 元（{enrolled.Count}人），相差 {EvidenceText.Money(total - expected)} 元")
                        with { Amount = total - expected },
                };
                evidence.AddRange(paid.Select(payments.Evidence));
                findings.Add(HouseholdFinding.Make(month, rule, household, evidence) with { Discriminator = programme.Id() });
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int row)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var rows))
        {
            map.Add(key, rows = []);
        }
        rows.Add(row);
    }
}
