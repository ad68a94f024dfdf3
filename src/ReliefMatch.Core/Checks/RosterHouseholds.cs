using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Core.Checks;

/// <summary>Groups the roster snapshot's home-county rows into households, the way the rules see them.</summary>
public static class RosterHouseholds
{
    /// <summary>
    /// The home county's households, ordered by household id (ordinal). Rows of other counties are left out;
    /// rows with an empty household id cannot form a household and are left out too.
    /// </summary>
    /// <remarks>The households and their values are the matching engine's (<see cref="RosterHousehold"/>), so the due lists and the rules agree.</remarks>
    public static IReadOnlyList<HomeHousehold> OfHomeCounty(IReadOnlyList<RosterRecord> roster, string homeCounty)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var (households, _) = RosterHousehold.Group(roster, row => CountyCodes.IsIn(roster[row].CountyCode, homeCounty));
        var members = households.ToDictionary(h => h.Id, _ => new List<RosterRecord>(), StringComparer.Ordinal);
        foreach (var row in roster)
        {
            if (members.TryGetValue(RosterHousehold.KeyOf(row), out var list) && CountyCodes.IsIn(row.CountyCode, homeCounty))
            {
                list.Add(row);
            }
        }
        return households.OrderBy(h => h.Id, StringComparer.Ordinal)
            .Select(h => new HomeHousehold(h, roster[h.Head], members[h.Id].OrderBy(m => m.ExtractId).ThenBy(m => m.Row).ToArray()))
            .ToList();
    }

    /// <summary>The home county's townships named on the roster (trimmed, ordinal order).</summary>
    public static IReadOnlyList<string> HomeTownships(IReadOnlyList<RosterRecord> roster, string homeCounty) =>
        roster
            .Where(r => CountyCodes.IsIn(r.CountyCode, homeCounty) && !string.IsNullOrWhiteSpace(r.Township))
            .Select(r => r.Township.Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
