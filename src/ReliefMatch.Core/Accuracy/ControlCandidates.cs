using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// Who may be drawn for a month's control list: every person enrolled (active or phasing out) on the home county's
/// roster snapshot whom no finding of the month names, once per valid ID. A row whose ID is missing or invalid is no
/// candidate: the rules cannot match it either, and 无效身份证号 already flags it.
/// </summary>
public static class ControlCandidates
{
    /// <param name="flaggedIds">The IDs the month's findings name (<see cref="Findings.Finding.IdNumber"/>), compared ordinally.</param>
    /// <returns>The candidates, ordered by ID (ordinal); each keeps the township, village, household and name of its first row.</returns>
    public static IReadOnlyList<ControlPerson> Of(IReadOnlyList<RosterRecord> roster, string homeCounty, IReadOnlySet<string> flaggedIds)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(flaggedIds);
        var byId = new Dictionary<string, (RosterRecord First, List<Programme> Programmes)>(StringComparer.Ordinal);
        foreach (var row in roster)
        {
            if (!row.IsEnrolled || !row.Id.IsValid || string.IsNullOrWhiteSpace(row.Township) || !CountyCodes.IsIn(row.CountyCode, homeCounty)
                || flaggedIds.Contains(row.Id.Text))
            {
                continue;
            }
            if (!byId.TryGetValue(row.Id.Text, out var person))
            {
                byId.Add(row.Id.Text, person = (row, []));
            }
            if (!person.Programmes.Contains(row.Programme))
            {
                person.Programmes.Add(row.Programme);
            }
        }
        return byId
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ControlPerson(p.Value.First.Township.Trim(), p.Value.First.Village?.Trim() ?? "", p.Value.First.HouseholdId.Trim(),
                p.Value.First.Name.Trim(), p.Key, p.Value.Programmes))
            .ToList();
    }
}
