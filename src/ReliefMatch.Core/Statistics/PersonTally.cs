namespace ReliefMatch.Core.Statistics;

/// <summary>
/// Distinct persons counted for one cell, per township and over the county. The county is its own set, not the
/// townships' sum: a person counted in two townships is one person of the county.
/// </summary>
internal sealed class PersonTally
{
    private readonly Dictionary<string, HashSet<string>> _townships = new(StringComparer.Ordinal);
    private readonly HashSet<string> _county = new(StringComparer.Ordinal);

    public void Add(string township, string person)
    {
        _county.Add(person);
        var name = township.Trim();
        if (name.Length == 0)
        {
            return; // counts in the county only
        }
        if (!_townships.TryGetValue(name, out var set))
        {
            _townships.Add(name, set = new HashSet<string>(StringComparer.Ordinal));
        }
        set.Add(person);
    }

    public int County => _county.Count;

    public int Township(string township) => _townships.TryGetValue(township, out var set) ? set.Count : 0;

    public IEnumerable<string> Townships => _townships.Keys;

    /// <summary>Persons counted in any of <paramref name="tallies"/>: one person once per township and once in the county.</summary>
    public static PersonTally Union(IEnumerable<PersonTally> tallies)
    {
        var union = new PersonTally();
        foreach (var tally in tallies)
        {
            union._county.UnionWith(tally._county);
            foreach (var (township, persons) in tally._townships)
            {
                if (!union._townships.TryGetValue(township, out var set))
                {
                    union._townships.Add(township, set = new HashSet<string>(StringComparer.Ordinal));
                }
                set.UnionWith(persons);
            }
        }
        return union;
    }
}
