using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Tests.Core.Matching;

public class LowIncomeSevereDisabilityCheckTests
{
    private const string Rule = "low-income-severe-disability";
    private static readonly string Chen = Ids.Make("19801111", 221);

    private static MonthBuilder Edge() => new MonthBuilder().Roster(Chen, "陈七", "E1", Programme.Edge);

    [Theory]
    [InlineData(DisabilityCategory.Physical, 1, 1)]
    [InlineData(DisabilityCategory.Visual, 2, 1)]
    [InlineData(DisabilityCategory.Intellectual, 3, 1)]
    [InlineData(DisabilityCategory.Mental, 3, 1)]
    [InlineData(DisabilityCategory.Physical, 3, 0)]
    [InlineData(DisabilityCategory.Multiple, 3, 0)]
    [InlineData(DisabilityCategory.Intellectual, 4, 0)]
    [InlineData(DisabilityCategory.Physical, 4, 0)]
    public void Evaluate_CategoryAndLevel_SevereAsRulesMdSays(DisabilityCategory category, int level, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run(Rule, Edge().Disability(Chen, "陈七", category, level)).Count);
    }

    [Fact]
    public void Evaluate_ValidLevelOne_FindingWithEvidence()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Edge().Disability(Chen, "陈七", DisabilityCategory.Physical, 1)));
        Assert.Equal(new Evidence(SourceKind.Disability, 4, 3, "残联：肢体一级 有效"), Assert.Single(finding.Evidence));
        Assert.Equal("E1", finding.HouseholdId);
        Assert.Equal([Programme.Edge], finding.Programmes);
        Assert.False(finding.FeedsDataWarning); // a 标记 tag, not 数据预警
    }

    [Theory]
    [InlineData("注销")]
    [InlineData("过期")]
    [InlineData("死亡注销")]
    public void Evaluate_CertificateNotValid_Nothing(string status)
    {
        Assert.Empty(ShippedRules.Run(Rule, Edge().Disability(Chen, "陈七", DisabilityCategory.Physical, 1, status)));
    }

    [Fact]
    public void Evaluate_EmptyStatus_IsValid()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Edge().Disability(Chen, "陈七", DisabilityCategory.Mental, 3, null)));
        Assert.Equal("残联：精神三级 有效", finding.Evidence[0].Text);
    }

    [Fact]
    public void Evaluate_EnrolledInDibao_Nothing()
    {
        var month = new MonthBuilder().Roster(Chen, "陈七", "H1").Monitoring(Chen, "陈七").Disability(Chen, "陈七", DisabilityCategory.Physical, 1);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_NotLowIncome_Nothing()
    {
        Assert.Empty(ShippedRules.Run(Rule, new MonthBuilder().Disability(Chen, "陈七", DisabilityCategory.Physical, 1)));
    }

    [Fact]
    public void Evaluate_MonitoredOnNoRoster_MonitoringTownship()
    {
        var month = new MonthBuilder().Monitoring(Chen, "陈七").Disability(Chen, "陈七", DisabilityCategory.Physical, 2, township: "广福乡");
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(("", "罗锦镇"), (finding.HouseholdId, finding.Township));
    }

    [Fact]
    public void Evaluate_CertificateUnderAnotherName_NotTheirs()
    {
        Assert.Empty(ShippedRules.Run(Rule, Edge().Disability(Chen, "陈小七", DisabilityCategory.Physical, 1)));
    }

    [Fact]
    public void Evaluate_CertificateWithTypoInId_Repaired()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Edge().Disability(Ids.WithWrongDigit(Chen, 8), "陈七", DisabilityCategory.Physical, 1)));
        Assert.Equal(Confidence.Repaired, finding.Confidence);
    }
}
