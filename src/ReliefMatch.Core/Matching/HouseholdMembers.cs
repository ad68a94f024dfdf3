using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// The member rows of each home-county household, for the checks that compare a household's members with records
/// of another source (who was paid, whose income): grouped once per check, only when such a rule runs.
/// </summary>
internal static class HouseholdMembers
{
    /// <summary>Each home household with its member rows (every status), in order of first appearance.</summary>
    public static Dictionary<RosterHousehold, List<int>> Of(MonthEvaluation month)
    {
        var roster = month.Data.Roster;
        var result = new Dictionary<RosterHousehold, List<int>>();
        for (var i = 0; i < roster.Count; i++)
        {
            if (!month.IsHomeRow(i) || month.Household(roster[i].HouseholdId) is not { } household)
            {
                continue;
            }
            if (!result.TryGetValue(household, out var rows))
            {
                result.Add(household, rows = []);
            }
            rows.Add(i);
        }
        return result;
    }

    /// <summary>The ID key of a roster row's person (its repaired ID's for a repaired row); 0 when it has none.</summary>
    public static long KeyOf(MonthEvaluation month, int row) =>
        month.Index.PersonOfRow(row) is var p and >= 0 ? month.Index.Key(p) : 0;
}
