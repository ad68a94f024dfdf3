using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>docs/rules.md, "A rule whose input is missing": the rule raises nothing and the run says why.</summary>
public partial class FindingEngineTests
{
    private static readonly string Zhang = Ids.Make("19560312", 131);
    private static readonly string Li = Ids.Make("19600101", 242);

    [Fact]
    public void Evaluate_RosterWithoutLastCheckColumn_EconomicCheckSkippedNotEveryHouseholdOverdue()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Li, "李四", "H2").Build();
        Assert.DoesNotContain(FindingEngine.Evaluate(data, July, ShippedRules.Set, MonthBuilder.County), f => f.RuleId == "economic-check-overdue");
        var skip = Assert.Single(FindingEngine.Skipped(data, ShippedRules.Only("economic-check-overdue")));
        Assert.Equal(new RuleSkip("economic-check-overdue", "本月花名册没有“最近核对日期”列"), skip);
    }

    [Fact]
    public void Evaluate_LastCheckColumnOnOneRow_HouseholdWithoutDateStillOverdue()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Li, "李四", "H2", lastCheck: new DateOnly(2023, 6, 1)).Build();
        var finding = Assert.Single(FindingEngine.Evaluate(data, July, ShippedRules.Only("economic-check-overdue"), MonthBuilder.County));
        Assert.Equal("H1", finding.HouseholdId);
        Assert.Empty(FindingEngine.Skipped(data, ShippedRules.Only("economic-check-overdue")));
    }

    [Fact]
    public void Skipped_RosterWithoutIncomeStable_HomeVisitSaysSo()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1", lastVisit: new DateOnly(2022, 1, 1), workAbility: WorkAbility.Able).Build();
        Assert.Equal([new RuleSkip("home-visit-overdue", "本月花名册没有“收入是否稳定”列")], FindingEngine.Skipped(data, ShippedRules.Only("home-visit-overdue")));
    }

    [Fact]
    public void Skipped_NoMedicalOrDeathSource_NamesTheSource()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Build();
        var skipped = FindingEngine.Skipped(data, ShippedRules.Set).ToDictionary(s => s.RuleId, s => s.Reason);
        Assert.Equal("本月没有医保结算数据", skipped["low-income-medical"]);
        Assert.Equal("本月没有公安户籍注销或卫健死亡医学证明数据", skipped["deceased-recipient"]);
        Assert.False(skipped.ContainsKey("duplicate-enrolment"));
    }

    [Fact]
    public void Skipped_SourceLoadedButNoRecordKept_IsPresent()
    {
        // The loader keeps the extract but drops records nobody holds: the source is there, with nothing to flag.
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Build() with
        {
            Extracts = new Dictionary<long, ExtractInfo> { [5] = new(5, SourceKind.Medical, "medical/a.csv", "x", "2023-07") },
        };
        Assert.DoesNotContain(FindingEngine.Skipped(data, ShippedRules.Set), s => s.RuleId == "low-income-medical");
    }
}
