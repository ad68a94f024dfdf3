using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

public class DuplicateEnrolmentCheckTests
{
    private const string Rule = "duplicate-enrolment";
    private static readonly string Zhang = Ids.Make("19560312", 131);

    [Fact]
    public void Evaluate_EnrolledHereAndInNeighbouringCounty_OneFindingForTheHomeHousehold()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1")
            .Roster(Zhang, "张三", "450322-0007", county: MonthBuilder.Neighbour, township: "会仙镇");
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("H1", finding.HouseholdId);
        Assert.Equal(Zhang, finding.IdNumber);
        Assert.Equal([Programme.RuralDibao], finding.Programmes);
        Assert.True(finding.FeedsDataWarning);
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.Equal(new Evidence(SourceKind.Roster, 1, 3, "同时在保：临桂区 家庭编号 450322-0007 农村低保"), Assert.Single(finding.Evidence));
    }

    [Fact]
    public void Evaluate_TwoHomeHouseholds_OneFindingEach()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张 三", "H2", Programme.UrbanDibao, township: "永福镇");
        var findings = ShippedRules.Run(Rule, month);
        Assert.Equal(["H2", "H1"], findings.Select(f => f.HouseholdId)); // 永福镇 sorts before 苏桥镇
        Assert.Equal("同时在保：永福县 苏桥镇 家庭编号 H1 农村低保", Assert.Single(findings[0].Evidence).Text);
        Assert.Equal("同时在保：永福县 永福镇 家庭编号 H2 城市低保", Assert.Single(findings[1].Evidence).Text);
    }

    [Fact]
    public void Evaluate_HomeRowWithCodeButNoCountyName_NamedByTheCountysName()
    {
        // One household's row carries 永福县, the other only the code (a township's statistical code, no name):
        // the evidence names the county the same way in both findings, never by code in one and name in the other.
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1")
            .Roster(Zhang, "张三", "H2", Programme.UrbanDibao, county: MonthBuilder.Home + "101", township: "永福镇", countyName: "");
        var findings = ShippedRules.Run(Rule, month);
        Assert.Equal("同时在保：永福县 苏桥镇 家庭编号 H1 农村低保", Assert.Single(findings[0].Evidence).Text);
        Assert.Equal("同时在保：永福县 永福镇 家庭编号 H2 城市低保", Assert.Single(findings[1].Evidence).Text);
    }

    [Fact]
    public void Evaluate_OnlyOtherCounties_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour).Roster(Zhang, "张三", "G1", county: "450305");
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_OtherEnrolmentStopped_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour, status: EnrolmentStatus.Stopped);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_HomeEnrolmentStopped_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1", status: EnrolmentStatus.Stopped)
            .Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour).Roster(Zhang, "张三", "L2", county: MonthBuilder.Neighbour);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_TwoRowsOfOneHousehold_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "H1");
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_SameHouseholdNumberInAnotherCounty_IsAnotherHousehold()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "H1", county: MonthBuilder.Neighbour);
        Assert.Single(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_SameIdUnderAnotherName_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张小三", "L1", county: MonthBuilder.Neighbour);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_TypoInTheOtherCountysId_Repaired()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Ids.WithWrongDigit(Zhang, 9), "张三", "L1", county: MonthBuilder.Neighbour);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(Confidence.Repaired, finding.Confidence);
        Assert.Equal(Zhang, finding.IdNumber);
    }

    [Fact]
    public void Evaluate_DibaoAndTekunHouseholds_BothDuplicateAndOverlap()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "T1", Programme.Tekun);
        var both = RuleSet.From([ShippedRules.Set.Find(Rule)!, ShippedRules.Set.Find("dibao-tekun-overlap")!]);
        var findings = FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), both, MonthBuilder.County);
        Assert.Equal(
            [("H1", "dibao-tekun-overlap"), ("H1", Rule), ("T1", "dibao-tekun-overlap"), ("T1", Rule)],
            findings.Select(f => (f.HouseholdId, f.RuleId)));
    }

    [Fact]
    public void Evaluate_EdgeHereAndDibaoElsewhere_Flags()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1", Programme.Edge).Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal([Programme.Edge], finding.Programmes);
    }
}
