using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Tests.Core.Matching;
using static ReliefMatch.Tests.Core.Checks.RosterRows;

namespace ReliefMatch.Tests.Core.Checks;

public sealed class EconomicRecheckTests
{
    private const string Home = "450326";

    [Fact]
    public void DueList_LastCheckOnLastDayOfJanuary_DueOnLastDayOfJuly()
    {
        var due = Assert.Single(EconomicRecheck.DueList([Row(1, "H1", lastCheck: "2023-01-31")], Home, new DateOnly(2023, 7, 1)));

        Assert.Equal(new DateOnly(2023, 1, 31), due.LastCheckOn);
        Assert.Equal(new DateOnly(2023, 7, 31), due.DueOn);
        Assert.False(due.Overdue);
    }

    [Theory]
    [InlineData("2023-07-31", false)] // due on 2023-07-31, which is not before 2023-07-31
    [InlineData("2023-08-01", true)]
    [InlineData("2023-07-30", false)]
    public void DueList_AroundTheDueDate_OverdueOnlyAfterIt(string asOf, bool overdue)
    {
        var due = Assert.Single(EconomicRecheck.DueList([Row(1, "H1", lastCheck: "2023-01-31")], Home, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(overdue, due.Overdue);
    }

    [Fact]
    public void Overdue_EndOfJulyAndEndOfAugust_HouseholdCheckedOn31JanuaryOnlyInAugust()
    {
        IReadOnlyList<RosterRecord> roster = [Row(1, "H1", lastCheck: "2023-01-31")];

        Assert.Empty(EconomicRecheck.Overdue(roster, Home, new ReportingMonth(2023, 7).Last));
        Assert.Equal("H1", Assert.Single(EconomicRecheck.Overdue(roster, Home, new ReportingMonth(2023, 8).Last)).HouseholdId);
    }

    [Fact]
    public void DueList_NeverChecked_NoDueDateAndOverdue()
    {
        var due = Assert.Single(EconomicRecheck.DueList([Row(1, "H1", lastCheck: null)], Home, new DateOnly(2024, 1, 1)));

        Assert.Null(due.LastCheckOn);
        Assert.Null(due.DueOn);
        Assert.True(due.Overdue);
    }

    [Fact]
    public void DueList_MembersDisagree_TheLatestCheckWins()
    {
        var due = Assert.Single(EconomicRecheck.DueList(
            [Row(1, "H1", lastCheck: "2022-05-01"), Row(2, "H1", lastCheck: "2023-03-15", relation: "配偶"), Row(3, "H1", lastCheck: null, relation: "子")],
            Home, new DateOnly(2023, 7, 1)));

        Assert.Equal(new DateOnly(2023, 3, 15), due.LastCheckOn);
        Assert.Equal(new DateOnly(2023, 9, 15), due.DueOn);
    }

    [Fact]
    public void DueList_OnlyEnrolledDibaoOrTekunHouseholdsOfTheHomeCounty()
    {
        var list = EconomicRecheck.DueList(
        [
            Row(1, "H1", Programme.UrbanDibao),
            Row(2, "H2", Programme.Tekun),
            Row(3, "H3", Programme.Edge),
            Row(4, "H4", Programme.Expenditure),
            Row(5, "H5", status: EnrolmentStatus.Stopped),
            Row(6, "H6", status: EnrolmentStatus.PhasingOut),
            Row(7, "H7", county: "450325"),
            Row(8, "H8", county: "450326101"),
        ], Home, new DateOnly(2024, 1, 1));

        Assert.Equal(["H1", "H2", "H6", "H8"], list.Select(d => d.HouseholdId));
        Assert.Equal([Programme.UrbanDibao], list[0].Programmes);
        Assert.Equal([Programme.Tekun], list[1].Programmes);
    }

    [Fact]
    public void DueList_HeadIsTheHouseholder_AndListIsOrderedByTownshipVillageHousehold()
    {
        var list = EconomicRecheck.DueList(
        [
            Row(1, "H9", township: "罗锦镇", relation: "子"),
            Row(2, "H9", township: "罗锦镇", relation: "户主"),
            Row(3, "H2", township: "永福镇"),
            Row(4, "H1", township: "罗锦镇"),
        ], Home, new DateOnly(2024, 1, 1));

        Assert.Equal([("永福镇", "H2"), ("罗锦镇", "H1"), ("罗锦镇", "H9")], list.Select(d => (d.Township, d.HouseholdId)));
        Assert.Equal("张2", list[2].HeadName);
    }

    [Fact]
    public void DueList_WithAnEvidenceSource_CarriesItsSignals()
    {
        var source = new VehicleRegister("H2");

        var list = EconomicRecheck.DueList([Row(1, "H1"), Row(2, "H2")], Home, new DateOnly(2024, 1, 1), sources: [source]);

        Assert.Empty(list[0].Signals);
        Assert.Equal(new EconomicSignal("车辆登记", "户主名下小型轿车 1 辆"), Assert.Single(list[1].Signals));
    }

    [Fact]
    public void Overdue_SameHouseholdsAsTheEconomicCheckOverdueRule()
    {
        IReadOnlyList<RosterRecord> roster =
        [
            Row(1, "H1", lastCheck: "2023-01-31"),
            Row(2, "H2", lastCheck: "2023-01-30"),
            Row(3, "H3", lastCheck: null),
            Row(4, "H4", Programme.Tekun, lastCheck: "2022-12-01"),
            Row(5, "H5", Programme.Edge, lastCheck: null),
            Row(6, "H6", lastCheck: "2023-06-30"),
        ];
        var period = new ReportingMonth(2023, 7);
        var rules = ShippedRules.Only("economic-check-overdue");

        var findings = FindingEngine.Evaluate(new ExtractSet { Roster = roster }, period, rules, MonthBuilder.County)
            .Where(f => f.RuleId == "economic-check-overdue")
            .Select(f => f.HouseholdId)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["H2", "H3", "H4"], EconomicRecheck.Overdue(roster, Home, period.Last).Select(d => d.HouseholdId));
        Assert.Equal(findings, EconomicRecheck.Overdue(roster, Home, period.Last).Select(d => d.HouseholdId));
    }

    private sealed class VehicleRegister(string household) : IEconomicEvidenceSource
    {
        public string Name => "车辆登记";

        public IEnumerable<EconomicSignal> Signals(HomeHousehold h, DateOnly asOf) =>
            h.HouseholdId == household ? [new EconomicSignal(Name, "户主名下小型轿车 1 辆")] : [];
    }
}
