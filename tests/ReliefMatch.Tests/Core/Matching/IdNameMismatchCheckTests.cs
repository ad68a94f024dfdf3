using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Tests.Core.Matching;

public class IdNameMismatchCheckTests
{
    private const string Rule = "id-name-mismatch";
    private static readonly string Zhang = Ids.Make("19560312", 131);

    private static MonthBuilder Recipient() => new MonthBuilder().Roster(Zhang, "张三", "H1");

    [Fact]
    public void Evaluate_PoliceRecordUnderAnotherName_OneFindingPerRecord()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张老汉", new DateOnly(2023, 5, 12))));
        Assert.Equal((Zhang, "H1", "张三", "苏桥镇"), (finding.IdNumber, finding.HouseholdId, finding.Name, finding.Township));
        Assert.Equal(Confidence.Review, finding.Confidence);
        Assert.False(finding.FeedsDataWarning);
        Assert.Equal("police-deaths:2:3", finding.Discriminator);
        Assert.Equal(new Evidence(SourceKind.PoliceDeaths, 2, 3, $"公安户籍注销：身份证号 {Zhang} 登记姓名“张老汉”，花名册姓名“张三”，2023-05-12 死亡"),
            Assert.Single(finding.Evidence));
    }

    [Fact]
    public void Evaluate_MoveAwayUnderAnotherName_StillAMismatch()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张老汉", null, "迁出", new DateOnly(2023, 5, 12))));
        Assert.EndsWith("注销原因 迁出", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EverySource_Compared()
    {
        var month = Recipient().HealthDeath(Zhang, "张老汉", new DateOnly(2023, 5, 12))
            .Disability(Zhang, "张小三", DisabilityCategory.Physical, 2)
            .Medical(Zhang, "张小三", new DateOnly(2023, 2, 1), 100m).Medical(Zhang, "张小三", new DateOnly(2023, 3, 1), 100m)
            .Monitoring(Zhang, "张小三");
        var findings = ShippedRules.Run(Rule, month);
        Assert.Equal(["disability:4:4", "health-deaths:3:3", "medical:5:5", "medical:5:6", "monitoring:6:7"], findings.Select(f => f.Discriminator));
        Assert.Equal("医保结算：身份证号 " + Zhang + " 登记姓名“张小三”，花名册姓名“张三”，2023-02-01 结算", findings[2].Evidence[0].Text);
    }

    [Fact]
    public void Evaluate_SameNameOrInvalidId_Nothing()
    {
        var month = Recipient().PoliceDeath(Zhang, "张 三", new DateOnly(2023, 5, 12)).Medical(Ids.WithWrongDigit(Zhang, 10), "张老汉", new DateOnly(2023, 2, 1), 1m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_AnotherCountysPerson_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour).PoliceDeath(Zhang, "张老汉", new DateOnly(2023, 5, 12));
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_StoppedHomePerson_StillAMismatch()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1", status: EnrolmentStatus.Stopped).Medical(Zhang, "张老汉", new DateOnly(2023, 2, 1), 1m);
        Assert.Single(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_MonitoredPersonOnNoRoster_Nothing()
    {
        var chen = Ids.Make("19801111", 221);
        var month = new MonthBuilder().Monitoring(chen, "陈七").Medical(chen, "陈小七", new DateOnly(2023, 2, 1), 1m);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }
}
