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
    public static IReadOnlyList<HomeHousehold> OfHomeCounty(IReadOnlyList<RosterRecord> roster, string homeCounty)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var byId = new Dictionary<string, List<RosterRecord>>(StringComparer.Ordinal);
        foreach (var row in roster)
        {
            if (!CountyCodes.IsIn(row.CountyCode, homeCounty))
            {
                continue;
            }
            var id = row.HouseholdId.Trim();
            if (id.Length == 0)
            {
                continue;
            }
            if (!byId.TryGetValue(id, out var members))
            {
                byId.Add(id, members = []);
            }
            members.Add(row);
        }

        var households = new List<HomeHousehold>(byId.Count);
        foreach (var (id, members) in byId.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var ordered = members.OrderBy(m => m.ExtractId).ThenBy(m => m.Row).ToArray();
            var head = ordered.FirstOrDefault(m => m.IsHead) ?? ordered[0];
            households.Add(new HomeHousehold(id, head, ordered));
        }
        return households;
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
