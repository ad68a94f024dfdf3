using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// Draws the month's control list (对照抽查名单): per township, <see cref="ControlListParameters.PerTownship"/> enrolled
/// people whom the rules did not flag (all of them when there are fewer), for the township to check as it checks a
/// finding. What it finds measures what the rules miss. The draw is made as the 低保 sample's is
/// (<see cref="SeededDraw"/>): the candidates in ordinal order of ID, the seed a function of the month and the township
/// (<see cref="SampleSeed.For(string, ReportingMonth, string)"/> with <see cref="SeedPurpose"/>), so the same month's
/// candidates always give the same list, and another month another.
/// </summary>
public static class ControlListSampler
{
    /// <summary>What the seed is computed from besides the month and the township.</summary>
    public const string SeedPurpose = "control-list";

    public const string Algorithm = SeededDraw.Shuffle + " over unflagged enrolled people in ordinal ID order, seed from control-list|YYYY-MM|township";

    /// <param name="townships">The home townships: each gets a list, an empty one when it has no candidate.</param>
    /// <param name="candidates">From <see cref="ControlCandidates.Of"/>.</param>
    public static ControlList Draw(ReportingMonth period, IEnumerable<string> townships, IReadOnlyList<ControlPerson> candidates, ControlListParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(townships);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(parameters);
        var byTownship = new SortedDictionary<string, List<ControlPerson>>(StringComparer.Ordinal);
        foreach (var township in townships)
        {
            byTownship.TryAdd(township, []);
        }
        foreach (var person in candidates)
        {
            if (!byTownship.TryGetValue(person.Township, out var list))
            {
                byTownship.Add(person.Township, list = []);
            }
            list.Add(person);
        }
        var lists = byTownship.Select(t =>
        {
            // A stable order first: the same candidates in any order give the same draw.
            var ordered = t.Value.OrderBy(p => p.IdNumber, StringComparer.Ordinal).ToArray();
            var seed = SampleSeed.For(SeedPurpose, period, t.Key);
            return new TownshipControls(t.Key, seed, ordered.Length, SeededDraw.Pick(ordered, Math.Min(parameters.PerTownship, ordered.Length), seed));
        }).ToList();
        return new ControlList(period, parameters.PerTownship, Algorithm, lists);
    }
}
