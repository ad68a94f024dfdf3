using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// The people departmental records are matched against: every person of the roster set, plus the monitored
/// persons (risk not cleared) who are on no roster, since the low-income rules concern them too.
/// </summary>
/// <remarks>
/// <para>A person is an ID key with a name (normalised by <see cref="PersonName"/>): two roster rows with the
/// same ID and the same name are one person (e.g. enrolled in two households); the same ID under two names
/// is two persons, since RULES.md never ties a record to a person across a name difference.</para>
/// <para>A roster row whose ID is invalid joins the person its ID repairs to (one digit or one adjacent swap,
/// same name, exactly one such person); otherwise it belongs to nobody and only <c>invalid-roster-id</c> sees it.</para>
/// <para>Built once per run, read concurrently afterwards: lookups are a dictionary probe on the 17-digit key;
/// the name + sex + birth-date index for probable matches is built on first use only.</para>
/// </remarks>
public sealed class PersonIndex
{
    private const int Ambiguous = -2;

    private readonly Dictionary<long, int> _firstByKey;
    private long[] _key;
    private string[] _name;
    private string[] _displayName;
    private int[] _nextWithSameKey;
    private readonly int[] _rowPerson;
    private readonly bool[] _rowRepaired;
    private int[] _rowsStart;
    private int[] _rows;
    private readonly Lazy<Dictionary<NameSexBirth, int>> _byNameSexBirth;

    private PersonIndex(int capacity, int rosterCount)
    {
        _firstByKey = new Dictionary<long, int>(capacity);
        _key = new long[Math.Max(capacity, 4)];
        _name = new string[_key.Length];
        _displayName = new string[_key.Length];
        _nextWithSameKey = new int[_key.Length];
        _rowPerson = new int[rosterCount];
        _rowRepaired = new bool[rosterCount];
        _rowsStart = [];
        _rows = [];
        _byNameSexBirth = new Lazy<Dictionary<NameSexBirth, int>>(BuildNameSexBirth, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Number of persons; persons are numbered 0..Count-1.</summary>
    public int Count { get; private set; }

    /// <summary>Indexes the roster set and the monitored persons (<see cref="MonitoringRecord.RiskCleared"/> false).</summary>
    public static PersonIndex Build(IReadOnlyList<RosterRecord> roster, IReadOnlyList<MonitoringRecord> monitoring)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(monitoring);
        var index = new PersonIndex(roster.Count + monitoring.Count, roster.Count);
        var rowPerson = index._rowPerson;
        for (var i = 0; i < roster.Count; i++)
        {
            var row = roster[i];
            var key = row.Id.Key;
            rowPerson[i] = key == 0 ? -1 : index.FindOrAdd(key, row.Name);
        }
        // Repair needs every valid ID in place first.
        for (var i = 0; i < roster.Count; i++)
        {
            if (rowPerson[i] == -1)
            {
                var row = roster[i];
                var repaired = index.Repair(row.Id, PersonName.Normalise(row.Name));
                rowPerson[i] = repaired;
                index._rowRepaired[i] = repaired >= 0;
            }
        }
        for (var i = 0; i < monitoring.Count; i++)
        {
            var record = monitoring[i];
            var key = record.Id.Key;
            if (key != 0 && !record.RiskCleared && !index._firstByKey.ContainsKey(key))
            {
                index.Add(key, PersonName.Normalise(record.Name), record.Name, -1);
            }
        }

        // Rows of each person, in roster order (compressed: _rows[_rowsStart[p].._rowsStart[p+1]]).
        var start = new int[index.Count + 1];
        foreach (var p in rowPerson)
        {
            if (p >= 0)
            {
                start[p + 1]++;
            }
        }
        for (var p = 0; p < index.Count; p++)
        {
            start[p + 1] += start[p];
        }
        var rows = new int[start[index.Count]];
        var fill = start.AsSpan(0, index.Count).ToArray();
        for (var i = 0; i < rowPerson.Length; i++)
        {
            var p = rowPerson[i];
            if (p >= 0)
            {
                rows[fill[p]++] = i;
            }
        }
        index._rowsStart = start;
        index._rows = rows;
        return index;
    }

    public long Key(int person) => _key[person];

    /// <summary>The person's canonical 18-character ID.</summary>
    public string IdNumber(int person) => ResidentId.FromKey(_key[person]).ToString();

    /// <summary>The name as first seen (roster row, or monitoring record for a person on no roster).</summary>
    public string DisplayName(int person) => _displayName[person];

    /// <summary>The roster rows of the person (indexes into the roster list), in roster order.</summary>
    public ReadOnlySpan<int> RosterRows(int person) => _rows.AsSpan(_rowsStart[person], _rowsStart[person + 1] - _rowsStart[person]);

    /// <summary>The person a roster row belongs to, or -1 when its ID is invalid and could not be repaired.</summary>
    public int PersonOfRow(int row) => _rowPerson[row];

    /// <summary>Whether the row's invalid ID was repaired to tie it to its person.</summary>
    public bool IsRowRepaired(int row) => _rowRepaired[row];

    /// <summary>The first person with this ID key, or -1.</summary>
    public int FirstWithKey(long key) => _firstByKey.TryGetValue(key, out var p) ? p : -1;

    /// <summary>The next person with the same ID key under another name, or -1.</summary>
    public int NextWithSameKey(int person) => _nextWithSameKey[person];

    /// <summary>
    /// Ties a record to a person: exact (valid ID, same name), review (valid ID, other name), repaired
    /// (invalid ID, exactly one person one digit or adjacent swap away with the same name), probable (no
    /// usable ID, exactly one person with that name, sex and birth date), else none.
    /// </summary>
    /// <remarks>
    /// A valid ID that no person holds is no match: a valid ID is usable, so the name is not tried. An
    /// invalid ID that repairs to nobody (or to more than one person) is not usable, so name + sex + birth
    /// date are tried when the record carries them.
    /// </remarks>
    public IdentityMatch Match(in ParsedId id, string name, Sex? sex = null, DateOnly? birthDate = null)
    {
        if (id.IsValid)
        {
            if (!_firstByKey.TryGetValue(id.Key, out var first))
            {
                return IdentityMatch.None;
            }
            var normalised = PersonName.Normalise(name);
            for (var p = first; p >= 0; p = _nextWithSameKey[p])
            {
                if (string.Equals(_name[p], normalised, StringComparison.Ordinal))
                {
                    return new IdentityMatch(p, Confidence.Exact);
                }
            }
            return new IdentityMatch(first, Confidence.Review);
        }
        var norm = PersonName.Normalise(name);
        if (id.Problem is not (IdProblem.Missing or IdProblem.ExcelDamaged))
        {
            var repaired = Repair(id, norm);
            if (repaired >= 0)
            {
                return new IdentityMatch(repaired, Confidence.Repaired);
            }
        }
        if (sex is { } s && birthDate is { } b && norm.Length > 0
            && _byNameSexBirth.Value.TryGetValue(new NameSexBirth(norm, Ymd(b), s), out var probable) && probable >= 0)
        {
            return new IdentityMatch(probable, Confidence.Probable);
        }
        return IdentityMatch.None;
    }

    /// <summary>Exactly one person at one digit or one adjacent swap from the invalid ID, with the same name; else -1.</summary>
    private int Repair(in ParsedId id, string normalisedName)
    {
        if (id.Text.Length != 18 || normalisedName.Length == 0)
        {
            return -1;
        }
        var found = -1;
        foreach (var candidate in ResidentIdParser.RepairCandidates(id.Text))
        {
            if (!_firstByKey.TryGetValue(candidate, out var p))
            {
                continue;
            }
            for (; p >= 0; p = _nextWithSameKey[p])
            {
                if (string.Equals(_name[p], normalisedName, StringComparison.Ordinal))
                {
                    if (found >= 0)
                    {
                        return -1; // two persons of that name within one edit: not a repair
                    }
                    found = p;
                }
            }
        }
        return found;
    }

    private int FindOrAdd(long key, string displayName)
    {
        var normalised = PersonName.Normalise(displayName);
        if (_firstByKey.TryGetValue(key, out var first))
        {
            var last = first;
            for (var p = first; p >= 0; p = _nextWithSameKey[p])
            {
                if (string.Equals(_name[p], normalised, StringComparison.Ordinal))
                {
                    return p;
                }
                last = p;
            }
            var added = Add(key, normalised, displayName, -2);
            _nextWithSameKey[last] = added;
            return added;
        }
        return Add(key, normalised, displayName, -1);
    }

    /// <param name="chain">-1: first of its key (registered in the dictionary); -2: appended to an existing chain by the caller.</param>
    private int Add(long key, string normalised, string displayName, int chain)
    {
        if (Count == _key.Length)
        {
            var size = _key.Length * 2;
            Array.Resize(ref _key, size);
            Array.Resize(ref _name, size);
            Array.Resize(ref _displayName, size);
            Array.Resize(ref _nextWithSameKey, size);
        }
        var p = Count++;
        _key[p] = key;
        _name[p] = normalised;
        _displayName[p] = displayName;
        _nextWithSameKey[p] = -1;
        if (chain == -1)
        {
            _firstByKey.Add(key, p);
        }
        return p;
    }

    private Dictionary<NameSexBirth, int> BuildNameSexBirth()
    {
        var map = new Dictionary<NameSexBirth, int>(Count);
        for (var p = 0; p < Count; p++)
        {
            if (_name[p].Length == 0)
            {
                continue;
            }
            var key = _key[p];
            var entry = new NameSexBirth(_name[p], (int)(key / 1000 % 100_000_000), key % 2 == 1 ? Sex.Male : Sex.Female);
            // Persons are distinct (ID, name) pairs, so a second person under the same name is a second ID.
            map[entry] = map.ContainsKey(entry) ? Ambiguous : p;
        }
        return map;
    }

    private static int Ymd(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    private readonly record struct NameSexBirth(string Name, int BirthYmd, Sex Sex);
}
