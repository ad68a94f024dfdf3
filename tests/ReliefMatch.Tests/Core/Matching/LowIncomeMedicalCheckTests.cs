using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

public class LowIncomeMedicalCheckTests
{
    private const string Rule = "low-income-medical";
    private static readonly string Chen = Ids.Make("19801111", 221);

    private static MonthBuilder Monitored() => new MonthBuilder().Monitoring(Chen, "陈七");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Evaluate_MonitoredPersonReachingThreshold_OneFindingUnderMonitoringTownship()
    {
        var month = Monitored().Medical(Chen, "陈七", D(2023, 3, 5), 12000m).Medical(Chen, "陈七", D(2023, 6, 30), 8000m, "门诊");
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(Chen, finding.IdNumber);
        Assert.Equal("陈七", finding.Name);
        Assert.Equal("", finding.HouseholdId);
        Assert.Equal("罗锦镇", finding.Township);
        Assert.Equal("和平村", finding.Village);
        Assert.Empty(finding.Programmes);
        Assert.False(finding.FeedsDataWarning); // a 标记 tag, not 数据预警
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.Equal(
            ["医保结算：近12个月个人自付合计 20,000.00 元（2 笔）", "医保结算：2023-03-05 住院 个人自付 12,000.00 元", "医保结算：2023-06-30 门诊 个人自付 8,000.00 元"],
            finding.Evidence.Select(e => e.Text));
        Assert.Equal((SourceKind.Medical, 5L, 4), (finding.Evidence[0].Source, finding.Evidence[0].ExtractId, finding.Evidence[0].Row));
    }

    [Fact]
    public void Evaluate_OneCentBelowThreshold_Nothing()
    {
        var month = Monitored().Medical(Chen, "陈七", D(2023, 3, 5), 12000m).Medical(Chen, "陈七", D(2023, 6, 30), 7999.99m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Theory]
    [InlineData(2022, 8, 1, 1)]   // first day of P−11: inside
    [InlineData(2022, 7, 31, 0)]  // end(P) − 12 months: outside
    [InlineData(2023, 7, 31, 1)]  // end(P): inside
    [InlineData(2023, 8, 1, 0)]   // after end(P)
    public void Evaluate_WindowBoundaries_TwelveMonthsEndingEndOfPeriod(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run(Rule, Monitored().Medical(Chen, "陈七", D(y, m, d), 20000m)).Count);
    }

    [Theory]
    [InlineData(2023, 3, 1, 1)]
    [InlineData(2023, 2, 28, 0)]
    public void Evaluate_LeapFebruaryPeriod_WindowStartsOnFirstOfMarch(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run(Rule, Monitored().Medical(Chen, "陈七", D(y, m, d), 25000m), "2024-02").Count);
    }

    [Fact]
    public void Evaluate_EdgeHouseholdMember_FiledUnderHomeHousehold()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "E1", Programme.Edge, township: "百寿镇").Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("E1", finding.HouseholdId);
        Assert.Equal("百寿镇", finding.Township);
        Assert.Equal([Programme.Edge], finding.Programmes);
    }

    [Fact]
    public void Evaluate_ExpenditureHouseholdMember_Flags()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "X1", Programme.Expenditure).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Equal([Programme.Expenditure], Assert.Single(ShippedRules.Run(Rule, month)).Programmes);
    }

    [Fact]
    public void Evaluate_MonitoredAndEnrolledInDibaoElsewhere_Nothing()
    {
        var month = Monitored().Roster(Chen, "陈七", "L1", county: MonthBuilder.Neighbour).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_EdgeMemberAlsoInTekun_Nothing()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "E1", Programme.Edge).Roster(Chen, "陈七", "T1", Programme.Tekun)
            .Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_StoppedDibaoDoesNotExclude_Flags()
    {
        var month = Monitored().Roster(Chen, "陈七", "H1", status: EnrolmentStatus.Stopped).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("H1", finding.HouseholdId); // on the home roster: filed under that household
        Assert.Empty(finding.Programmes);
    }

    [Fact]
    public void Evaluate_RiskCleared_Nothing()
    {
        var month = new MonthBuilder().Monitoring(Chen, "陈七", riskCleared: true).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_EdgeInAnotherCountyOnly_Nothing()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "E1", Programme.Edge, county: MonthBuilder.Neighbour).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_EdgeMemberStopped_Nothing()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "E1", Programme.Edge, EnrolmentStatus.Stopped).Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_SettlementUnderAnotherName_NotCounted()
    {
        var month = Monitored().Medical(Chen, "陈七", D(2023, 1, 9), 15000m).Medical(Chen, "陈小七", D(2023, 2, 9), 15000m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_SettlementWithTypoInId_CountedAsRepaired()
    {
        var month = Monitored().Medical(Chen, "陈七", D(2023, 1, 9), 15000m).Medical(Ids.WithWrongDigit(Chen, 13), "陈七", D(2023, 2, 9), 15000m);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.Contains("30,000.00", finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("按相近号码和姓名匹配）", finding.Evidence[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MonitoredWithoutTownship_TakesDisabilityTownship()
    {
        var month = new MonthBuilder().Monitoring(Chen, "陈七", township: null, village: null)
            .Disability(Chen, "陈七", DisabilityCategory.Physical, 4, township: "广福乡", village: "广福村")
            .Medical(Chen, "陈七", D(2023, 1, 9), 30000m);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(("广福乡", "广福村"), (finding.Township, finding.Village));
    }

    [Fact]
    public void Evaluate_SecondRuleWithHigherThreshold_EachRuleOnItsOwn()
    {
        var text = ShippedRules.Files().Single(f => f.Name == "low-income-medical.yaml").Text
            .Replace("id: low-income-medical", "id: low-income-medical-50000", StringComparison.Ordinal)
            .Replace("20000.00", "50000", StringComparison.Ordinal)
            .Replace("window_months: 12", "window_months: 24", StringComparison.Ordinal);
        var rules = RuleSet.From([ShippedRules.Set.Find(Rule)!, RuleFileLoader.Load(new RuleFile("low-income-medical-50000.yaml", text))]);
        var month = Monitored().Medical(Chen, "陈七", D(2021, 9, 1), 30000m).Medical(Chen, "陈七", D(2023, 1, 9), 25000m);
        var findings = FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), rules, MonthBuilder.County);
        Assert.Equal([Rule, "low-income-medical-50000"], findings.Select(f => f.RuleId));
        Assert.Equal("医保结算：近24个月个人自付合计 55,000.00 元（2 笔）", findings[1].Evidence[0].Text);
    }
}
