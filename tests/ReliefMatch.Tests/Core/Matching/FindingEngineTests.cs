using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

public partial class FindingEngineTests
{
    private static readonly ReportingMonth July = new(2023, 7);

    [Fact]
    public void Evaluate_AllShippedRules_SortedByTownshipVillageHouseholdRuleId()
    {
        var a = Ids.Make("19560312", 131);
        var b = Ids.Make("19600101", 242);
        var month = new MonthBuilder()
            .Roster(a, "张三", "H2", township: "苏桥镇", village: "古城村", lastCheck: new DateOnly(2023, 6, 1))
            .Roster(b, "李四", "H1", township: "苏桥镇", village: "古城村", lastCheck: new DateOnly(2022, 6, 1))
            .Roster(null, "王五", "H0", township: "百寿镇", village: "江口村", lastCheck: new DateOnly(2023, 6, 1))
            .PoliceDeath(a, "张三", new DateOnly(2023, 5, 12))
            .PoliceDeath(b, "李四", new DateOnly(2023, 6, 1));
        var findings = FindingEngine.Evaluate(month.Build(), July, ShippedRules.Set, MonthBuilder.County);
        Assert.Equal(
            [("百寿镇", "H0", "invalid-roster-id"), ("苏桥镇", "H1", "deceased-recipient"), ("苏桥镇", "H1", "economic-check-overdue"), ("苏桥镇", "H2", "deceased-recipient")],
            findings.Select(f => (f.Township, f.HouseholdId, f.RuleId)));
    }

    [Fact]
    public void Evaluate_DisabledRule_NotEvaluated()
    {
        var text = ShippedRules.Files().Single(f => f.Name == "invalid-roster-id.yaml").Text + "enabled: false\n";
        var rules = RuleSet.Load([new RuleFile("invalid-roster-id.yaml", text)]);
        Assert.False(rules.Rules[0].Enabled);
        Assert.Empty(FindingEngine.Evaluate(new MonthBuilder().Roster(null, "张三", "H1").Build(), July, rules, MonthBuilder.County));
    }

    [Fact]
    public void Evaluate_OtherHomeCounty_FlagsThatCountysRows()
    {
        var month = new MonthBuilder().Roster(null, "张三", "L1", county: MonthBuilder.Neighbour).Roster(null, "李四", "H1");
        var finding = Assert.Single(FindingEngine.Evaluate(month.Build(), July, ShippedRules.Only("invalid-roster-id"), MonthBuilder.NeighbourCounty));
        Assert.Equal("L1", finding.HouseholdId);
    }

    [Fact]
    public void Evaluate_LongerCountyCode_CountsAsHome()
    {
        var month = new MonthBuilder().Roster(null, "张三", "H1", county: "450326101201").Roster(null, "李四", "G1", county: "4503261");
        Assert.Equal(2, FindingEngine.Evaluate(month.Build(), July, ShippedRules.Only("invalid-roster-id"), MonthBuilder.County).Count);
        var other = new MonthBuilder().Roster(null, "张三", "H1", county: "450322101201");
        Assert.Empty(FindingEngine.Evaluate(other.Build(), July, ShippedRules.Only("invalid-roster-id"), MonthBuilder.County));
    }

    [Fact]
    public void Evaluate_LargeExtracts_ParallelPassGivesTheSequentialAnswer()
    {
        // Enough medical rows to take the parallel path; every third monitored person crosses the threshold.
        var month = new MonthBuilder();
        var people = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var id = Ids.Make("1970" + (101 + i % 28).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), 100 + i / 28);
            people.Add(id);
            month.Monitoring(id, "甲" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var r = 0; r < 120_000; r++)
        {
            var p = r % people.Count;
            var amount = p % 3 == 0 ? 500m : 400m; // 40 settlements each: 20 000.00 or 16 000.00
            month.Medical(people[p], "甲" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2023, 1 + r % 6, 1 + r % 28), amount);
        }
        var data = month.Build();
        var first = FindingEngine.Evaluate(data, July, ShippedRules.Only("low-income-medical"), MonthBuilder.County);
        var second = FindingEngine.Evaluate(data, July, ShippedRules.Only("low-income-medical"), MonthBuilder.County);
        Assert.Equal(1000, first.Count);
        Assert.All(first, f => Assert.Equal("医保结算：近12个月个人自付合计 20,000.00 元（40 笔）", f.Evidence[0].Text));
        Assert.Equal(first.Select(f => (f.Key, f.EvidenceFingerprint)), second.Select(f => (f.Key, f.EvidenceFingerprint)));
    }

    [Fact]
    public void Evaluate_NoRules_Nothing()
    {
        Assert.Empty(FindingEngine.Evaluate(new MonthBuilder().Roster(null, "张三", "H1").Build(), July, RuleSet.From([]), MonthBuilder.County));
    }
}
