using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Tests.Core.Matching;

namespace ReliefMatch.Tests.Host.Accuracy;

/// <summary>
/// July 2023 of five deceased recipients still paid, evaluated by the shipped deceased-recipient and paid-after-death
/// rules (so the months paid after death are what the rule counts, the month of death not among them):
/// 苏桥镇 张甲 died 2023-05-12, paid 04–07 × 300 (after death: 06, 07 = 600.00); 苏桥镇 张乙 died 2023-06-30, paid
/// 06–07 × 450 (after death: 07 = 450.00); 罗锦镇 李丙 died 2023-04-01, paid 05–07 × 500 (1,500.00); 罗锦镇 李丁 and
/// 李戊 died 2023-05-01, paid 06–07 × 200 (400.00).
/// </summary>
internal static class RecoveryMonth
{
    public static readonly ReportingMonth July = new(2023, 7);
    public const string Suqiao = "苏桥镇";
    public const string Luojin = "罗锦镇";

    public static readonly string Jia = Ids.Make("19400101", 111);
    public static readonly string Yi = Ids.Make("19410101", 121);
    public static readonly string Bing = Ids.Make("19420101", 131);
    public static readonly string Ding = Ids.Make("19430101", 141);
    public static readonly string Wu = Ids.Make("19440101", 151);

    public static IReadOnlyList<Finding> Findings()
    {
        var month = new MonthBuilder()
            .Roster(Jia, "张甲", "H1").Roster(Yi, "张乙", "H2")
            .Roster(Bing, "李丙", "H3", township: Luojin, village: "和平村").Roster(Ding, "李丁", "H4", township: Luojin, village: "和平村")
            .Roster(Wu, "李戊", "H5", township: Luojin, village: "和平村")
            .PoliceDeath(Jia, "张甲", new DateOnly(2023, 5, 12)).PoliceDeath(Yi, "张乙", new DateOnly(2023, 6, 30))
            .PoliceDeath(Bing, "李丙", new DateOnly(2023, 4, 1)).PoliceDeath(Ding, "李丁", new DateOnly(2023, 5, 1))
            .PoliceDeath(Wu, "李戊", new DateOnly(2023, 5, 1));
        month = Paid(month, Jia, "张甲", 4, 7, 300m);
        month = Paid(month, Yi, "张乙", 6, 7, 450m);
        month = Paid(month, Bing, "李丙", 5, 7, 500m);
        month = Paid(month, Ding, "李丁", 6, 7, 200m);
        month = Paid(month, Wu, "李戊", 6, 7, 200m);
        var rules = RuleSet.From([ShippedRules.Set.Find("deceased-recipient")!, ShippedRules.Set.Find("paid-after-death")!]);
        return FindingEngine.Evaluate(month.Build(), July, rules, MonthBuilder.County);
    }

    /// <summary>The finding of a rule for a person.</summary>
    public static Finding Of(IEnumerable<Finding> findings, string ruleId, string id) =>
        findings.Single(f => f.RuleId == ruleId && f.IdNumber == id);

    private static MonthBuilder Paid(MonthBuilder month, string id, string name, int from, int to, decimal amount)
    {
        for (var m = from; m <= to; m++)
        {
            month = month.Record("payments", id, name, ("paid_month", new ReportingMonth(2023, m)), ("amount", amount),
                ("item", Programme.RuralDibao.Id()), ("account", "62170000" + id[^6..]), ("household_id", null));
        }
        return month;
    }
}
