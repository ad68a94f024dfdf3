using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Tests.Core.Matching;

namespace ReliefMatch.Tests.Core.Checks;

/// <summary>The due lists' households are the rules' households: one model, so they agree by construction.</summary>
public class RosterHouseholdsTests
{
    private static readonly RosterRecord[] Roster =
    [
        RosterRows.Row(1, "H2", relation: "配偶", lastCheck: "2023-03-01"),
        RosterRows.Row(2, "H2", relation: "户主", lastCheck: "2022-12-01", programme: Programme.Tekun, status: EnrolmentStatus.Stopped),
        RosterRows.Row(3, " H1 ", lastCheck: null, programme: Programme.Edge),
        RosterRows.Row(4, "H1", relation: "子女", lastCheck: "2023-05-31", programme: Programme.UrbanDibao),
        RosterRows.Row(5, "H3", county: "450322"),
        RosterRows.Row(6, "  ", lastCheck: "2023-06-01"),
    ];

    [Fact]
    public void OfHomeCounty_Households_AreTheEnginesWithItsValues()
    {
        var households = RosterHouseholds.OfHomeCounty(Roster, "450326");

        var month = MonthEvaluation.Prepare(new ExtractSet { Roster = Roster }, new ReportingMonth(2023, 7), MonthBuilder.County, []);
        Assert.Equal(month.Households.Select(h => h.Id).Order(StringComparer.Ordinal), households.Select(h => h.HouseholdId));
        foreach (var household in households)
        {
            var engine = month.Households.Single(h => h.Id == household.HouseholdId);
            Assert.Same(Roster[engine.Head], household.Head);
            Assert.Equal(engine.LastCheckOn, household.LastCheckOn);
            Assert.Equal(month.HouseholdProgrammes(household.HouseholdId), household.EnrolledProgrammes);
        }
        Assert.Equal(["H1", "H2"], households.Select(h => h.HouseholdId));
        var h2 = households[1];
        Assert.Equal(Roster[1], h2.Head);
        Assert.Equal(new DateOnly(2023, 3, 1), h2.LastCheckOn);
        Assert.Equal([Programme.RuralDibao], h2.EnrolledProgrammes);
        Assert.Equal([Roster[2], Roster[3]], households[0].Members);
        Assert.Equal([Programme.UrbanDibao, Programme.Edge], households[0].EnrolledProgrammes);
        Assert.True(households[0].HasEnrolledDibaoOrTekun);
    }
}
