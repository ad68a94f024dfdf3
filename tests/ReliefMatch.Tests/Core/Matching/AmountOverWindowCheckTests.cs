using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>recipient-income, the shipped rule of the general kind amount-over-window.</summary>
public class AmountOverWindowCheckTests
{
    private const string Rule = "recipient-income";
    private static readonly string Head = Ids.Make("19700312", 131);
    private static readonly string Wife = Ids.Make("19720101", 242);

    private static MonthBuilder Household(Programme programme = Programme.RuralDibao) => new MonthBuilder()
        .Roster(Head, "张三", "H1", programme)
        .Roster(Wife, "李四", "H1", programme, relation: "配偶");

    private static MonthBuilder Income(MonthBuilder month, string id, string name, int year, int m, decimal amount, string type = "工资") =>
        month.Record("income", id, name, ("income_type", type), ("month", new ReportingMonth(year, m)), ("amount", amount));

    [Theory]
    [InlineData(10800.00, 0)] // rural standard 450 × 12 × 2 members: not more than
    [InlineData(10800.01, 1)]
    public void RuralHousehold_SumAgainstStandardTimesMonthsTimesMembers(decimal sum, int expected)
    {
        var month = Income(Income(Household(), Head, "张三", 2022, 8, sum - 1000m), Wife, "李四", 2023, 7, 1000m);
        Assert.Equal(expected, ShippedRules.Run(Rule, month).Count);
    }

    [Fact]
    public void UrbanHousehold_UrbanStandard_EvidenceGivesMonthsSumAndStandard()
    {
        var month = Household(Programme.UrbanDibao);
        for (var m = 1; m <= 7; m++)
        {
            month = Income(month, Head, "张三", 2023, m, 3000m);
        }
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal((Head, "H1"), (finding.IdNumber, finding.HouseholdId));
        Assert.True(finding.FeedsDataWarning);
        Assert.Equal(21000m, finding.Evidence[0].Amount);
        Assert.EndsWith("：近12个月（2022-08至2023-07）家庭在保成员合计 21,000.00 元，超过 保障标准×12个月×2人 = 19,200.00 元（城市低保 800.00 元/人/月、农村低保 450.00 元/人/月）",
            finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("：张三 工资 7个月合计 21,000.00 元（2022-08至2023-07）", finding.Evidence[1].Text, StringComparison.Ordinal);
        Assert.Equal("income", finding.Evidence[1].Source.Id);
    }

    [Fact]
    public void IncomeBeforeWindowOrOfAnotherPersonOrTekunHousehold_NotCounted()
    {
        Assert.Empty(ShippedRules.Run(Rule, Income(Household(), Head, "张三", 2022, 7, 50000m)));
        Assert.Empty(ShippedRules.Run(Rule, Income(Household(), Ids.Make("19800101", 351), "王五", 2023, 7, 50000m)));
        Assert.Empty(ShippedRules.Run(Rule, Income(Household(Programme.Tekun), Head, "张三", 2023, 7, 50000m)));
        Assert.Empty(ShippedRules.Run(Rule, Income(Household(), Head, "张三", 2023, 8, 50000m)));
    }

    [Fact]
    public void MonthWithoutIncome_Skipped()
    {
        Assert.Single(FindingEngine.Skipped(Household().Build(), ShippedRules.Only(Rule)));
    }
}
