using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;

namespace ReliefMatch.Tests.Core.Matching;

public class DibaoTekunOverlapCheckTests
{
    private const string Rule = "dibao-tekun-overlap";
    private static readonly string Zhang = Ids.Make("19560312", 131);

    [Fact]
    public void Evaluate_DibaoHereTekunInNeighbouringCounty_OneFinding()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "L1", Programme.Tekun, county: MonthBuilder.Neighbour);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("H1", finding.HouseholdId);
        Assert.True(finding.FeedsDataWarning);
        Assert.Equal(new Evidence(SourceKind.Roster, 1, 3, "同时在保：临桂区 家庭编号 L1 特困供养"), Assert.Single(finding.Evidence));
    }

    [Fact]
    public void Evaluate_TekunHereDibaoElsewhere_Flags()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "L1", Programme.UrbanDibao, county: MonthBuilder.Neighbour).Roster(Zhang, "张三", "T1", Programme.Tekun);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("T1", finding.HouseholdId);
        Assert.Equal([Programme.Tekun], finding.Programmes);
    }

    [Fact]
    public void Evaluate_BothProgrammesInOneHousehold_FlagsWithoutDuplicate()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "H1", Programme.Tekun);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal("同时在保：永福县 苏桥镇 家庭编号 H1 特困供养", Assert.Single(finding.Evidence).Text);
        Assert.Empty(ShippedRules.Run("duplicate-enrolment", month));
    }

    [Theory]
    [InlineData(null)]          // rows with the county code only: once 本县
    [InlineData("永福")]        // the roster's own short spelling
    public void Evaluate_HomeRowsSpellTheCountyOtherwise_EvidenceNamesTheInstallationsCounty(string? rosterSpelling)
    {
        var month = new MonthBuilder()
            .Roster(Zhang, "张三", "H1", countyName: rosterSpelling ?? "")
            .Roster(Zhang, "张三", "H1", Programme.Tekun, countyName: rosterSpelling ?? "");

        var finding = Assert.Single(FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), ShippedRules.Only(Rule), new HomeCounty(MonthBuilder.Home, "永福县")));

        Assert.Equal("同时在保：永福县 苏桥镇 家庭编号 H1 特困供养", Assert.Single(finding.Evidence).Text);
    }

    [Fact]
    public void Evaluate_BothRowsInOtherCounties_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour)
            .Roster(Zhang, "张三", "L2", Programme.Tekun, county: MonthBuilder.Neighbour).Roster(Zhang, "张三", "H1", Programme.Edge);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_TekunStopped_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "T1", Programme.Tekun, EnrolmentStatus.Stopped);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_TwoDibaoHouseholds_NoOverlap()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "H2", Programme.UrbanDibao);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_PhasingOutTekun_Flags()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Zhang, "张三", "T1", Programme.Tekun, EnrolmentStatus.PhasingOut);
        Assert.Equal(2, ShippedRules.Run(Rule, month).Count);
    }
}
