using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Statistics;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;

namespace ReliefMatch.Tests.Core.Statistics;

public class DataWarningStatisticsTests
{
    private const string IdA = "450326195803120011";
    private const string IdB = "45032619620505002X";
    private const string IdC = "450326197001010039";

    [Fact]
    public void Count_FindingFirstSeenInEarlierMonth_NotCountedAgain()
    {
        var report = DataWarningStatistics.Count(July, [Run(Make(IdA, "罗锦镇"), June), Run(Make(IdB, "罗锦镇"), July)], ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(1, 1, 0, 0, 0), report.County);
        Assert.Equal(new DataWarningCounts(1, 1, 0, 0, 0), report.For("罗锦镇"));
    }

    [Fact]
    public void Count_FindingFirstSeenInLaterMonth_NotCounted()
    {
        var report = DataWarningStatistics.Count(June, [Run(Make(IdA, "罗锦镇"), July)], ["罗锦镇"]);

        Assert.Equal(DataWarningCounts.Zero, report.County);
    }

    [Fact]
    public void Count_RuleNotFeedingDataWarning_NotCounted()
    {
        var report = DataWarningStatistics.Count(
            July,
            [Run(Make(IdA, "罗锦镇", rule: "economic-check-overdue", feedsDataWarning: false))],
            ["罗锦镇"]);

        Assert.Equal(DataWarningCounts.Zero, report.County);
        Assert.Equal(DataWarningCounts.Zero, report.For("罗锦镇"));
    }

    [Fact]
    public void Count_PersonWithFindingsOfTwoRules_CountedOnce()
    {
        var report = DataWarningStatistics.Count(
            July,
            [
                Run(Make(IdA, "罗锦镇", rule: "duplicate-enrolment", programmes: [Programme.RuralDibao])),
                Run(Make(IdA, "罗锦镇", rule: "dibao-tekun-overlap", programmes: [Programme.RuralDibao])),
            ],
            ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(1, 1, 0, 0, 0), report.County);
    }

    [Fact]
    public void Count_PersonInTwoProgrammes_CountedUnderEachAndOnceInTotal()
    {
        var report = DataWarningStatistics.Count(
            July,
            [
                Run(Make(IdA, "罗锦镇", rule: "dibao-tekun-overlap", programmes: [Programme.UrbanDibao, Programme.Tekun])),
                Run(Make(IdB, "罗锦镇", rule: "low-income-medical", programmes: [Programme.Edge, Programme.Expenditure])),
            ],
            ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(2, 1, 1, 1, 1), report.County);
    }

    [Fact]
    public void Count_ProgrammesFromTwoFindingsOfOnePerson_AreJoined()
    {
        var report = DataWarningStatistics.Count(
            July,
            [
                Run(Make(IdA, "罗锦镇", rule: "duplicate-enrolment", household: "H1", programmes: [Programme.RuralDibao])),
                Run(Make(IdA, "罗锦镇", rule: "duplicate-enrolment", household: "H2", programmes: [Programme.Tekun])),
            ],
            ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(1, 1, 1, 0, 0), report.County);
    }

    [Fact]
    public void Count_PersonFlaggedInTwoTownships_CountedInEachAndOnceInCounty()
    {
        var report = DataWarningStatistics.Count(
            July,
            [
                Run(Make(IdA, "罗锦镇", rule: "duplicate-enrolment", household: "H1", programmes: [Programme.RuralDibao])),
                Run(Make(IdA, "永福镇", rule: "duplicate-enrolment", household: "H2", programmes: [Programme.UrbanDibao])),
                Run(Make(IdB, "永福镇", programmes: [Programme.Tekun])),
            ],
            ["罗锦镇", "永福镇"]);

        Assert.Equal(new DataWarningCounts(1, 1, 0, 0, 0), report.For("罗锦镇"));
        Assert.Equal(new DataWarningCounts(2, 1, 1, 0, 0), report.For("永福镇"));
        Assert.Equal(new DataWarningCounts(2, 1, 1, 0, 0), report.County);
    }

    [Fact]
    public void Count_TownshipsWithoutFindings_AppearWithZeroInOrdinalOrder()
    {
        var report = DataWarningStatistics.Count(July, [Run(Make(IdA, "罗锦镇"))], ["苏桥镇", "罗锦镇", "百寿镇"]);

        Assert.Equal(["百寿镇", "罗锦镇", "苏桥镇"], report.Townships.Select(t => t.Township));
        Assert.Equal(DataWarningCounts.Zero, report.For("百寿镇"));
        Assert.Equal(DataWarningCounts.Zero, report.For("苏桥镇"));
        Assert.Equal(1, report.For("罗锦镇").Total);
    }

    [Fact]
    public void Count_NoFindings_AllZero()
    {
        var report = DataWarningStatistics.Count(July, [], ["罗锦镇"]);

        Assert.Equal(July, report.Period);
        Assert.Equal(DataWarningCounts.Zero, report.County);
        Assert.Equal([new TownshipDataWarning("罗锦镇", DataWarningCounts.Zero)], report.Townships);
    }

    [Fact]
    public void Count_TownshipNotInHomeList_CountedUnderItsOwnName()
    {
        var report = DataWarningStatistics.Count(July, [Run(Make(IdA, "罗锦"))], ["罗锦镇"]);

        Assert.Equal(["罗锦", "罗锦镇"], report.Townships.Select(t => t.Township));
        Assert.Equal(1, report.For("罗锦").Total);
        Assert.Equal(1, report.County.Total);
    }

    [Fact]
    public void Count_FindingWithoutTownship_CountedInCountyOnly()
    {
        var report = DataWarningStatistics.Count(July, [Run(Make(IdA, "", rule: "low-income-medical", programmes: [Programme.Edge]))], ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(1, 0, 0, 1, 0), report.County);
        Assert.Equal(["罗锦镇"], report.Townships.Select(t => t.Township));
    }

    [Fact]
    public void Count_DismissedFindingFirstSeenInPeriod_StillCounted()
    {
        var report = DataWarningStatistics.Count(
            July,
            [Run(Make(IdA, "罗锦镇"), status: FindingStatus.Dismissed), Run(Make(IdC, "罗锦镇"), status: FindingStatus.Confirmed)],
            ["罗锦镇"]);

        Assert.Equal(2, report.County.Total);
    }

    [Fact]
    public void Count_PersonNotEnrolledInAnyProgramme_CountedInTotalOnly()
    {
        var report = DataWarningStatistics.Count(July, [Run(Make(IdA, "罗锦镇", rule: "low-income-severe-disability", programmes: []))], ["罗锦镇"]);

        Assert.Equal(new DataWarningCounts(1, 0, 0, 0, 0), report.County);
    }
}
