using ReliefMatch.Core.Matching;
using ReliefMatch.Tests.Core.Checks;

namespace ReliefMatch.Tests.Core.Matching;

public class RosterHouseholdTests
{
    [Fact]
    public void Group_HouseholdRowsApart_OneHouseholdInOrderOfFirstAppearance()
    {
        // Rows of a household mostly follow one another, and grouping takes a shortcut for them; rows apart must still meet.
        var roster = new[]
        {
            RosterRows.Row(1, "H1", lastCheck: "2023-01-01"),
            RosterRows.Row(2, "H2"),
            RosterRows.Row(3, " H1", relation: "子女", lastCheck: "2023-04-01"),
            RosterRows.Row(4, "H2"),
            RosterRows.Row(5, "H1"),
        };

        var (households, byId) = RosterHousehold.Group(roster, _ => true);

        Assert.Equal(["H1", "H2"], households.Select(h => h.Id));
        Assert.Same(households[0], byId["H1"]);
        Assert.Equal(2, households[0].LastCheckRow);
        Assert.Equal(0, households[0].Head);
        Assert.Equal(2, byId.Count);
    }
}
