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
/// <para>Built once per run, read concurrently afterwards. A lookup is one probe of an open-addressing table
/// holding the key and the name's <see cref="NameCode"/>, so the common exact match reads no name string
/// of the index; the name + sex + birth-date index for probable matches is built on first use only.</para>
/// </remarks>
public sealed class PersonIndex
{
    private const int Ambiguous = -2;

    private readonly KeyTable _table;
    private long[] _key;
    private string[] _name;
    private long[] _nameCode;
    private string[] _displayName;
    private int[] _nextWithSameKey;
    private readonly int[] _rowPerson;
    private readonly bool[] _rowRepaired;
    private bool[] _sharesKey;
    private int[] _rowsStart = [0];
    private int[] _rows = [];
    private readonly Lazy<ProbableIndex> _probable;

    private PersonIndex(int capacity, int rosterCount)
    {
        _table = new KeyTable(capacity);
        var size = Math.Max(capacity, 4);
        _key = new long[size];
        _name = new string[size];
        _nameCode = new long[size];
        _displayName = new string[size];
        _nextWithSameKey = new int[size];
        _sharesKey = new bool[size];
        _rowPerson = new int[rosterCount];
        _rowRepaired = new bool[rosterCount];
        _probable = new Lazy<ProbableIndex>(() => new ProbableIndex(this), LazyThreadSafetyMode.ExecutionAndPublication);
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
        // Normalising names is the costly part of a row and independent per row: done in parallel; the
        // insertion that numbers persons stays sequential, in roster order, so numbering is deterministic.
        var names = new string[roster.Count];
        var codes = new long[roster.Count];
        Chunks.For(roster.Count, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                names[i] = PersonName.Normalise(roster[i].Name);
                codes[i] = NameCode.Of(names[i]);
            }
        });
        for (var i = 0; i < roster.Count; i++)
        {
            var row = roster[i];
            var key = row.Id.Key;
            rowPerson[i] = key == 0 ? -1 : index.FindOrAdd(key, names[i], codes[i], row.Name);
        }
        // Repair needs every valid ID in place first.
        for (var i = 0; i < roster.Count; i++)
        {
            if (rowPerson[i] == -1)
            {
                var row = roster[i];
                var normalised = PersonName.Normalise(row.Name);
                var repaired = index.Repair(row.Id, normalised, NameCode.Of(normalised));
                rowPerson[i] = repaired;
                index._rowRepaired[i] = repaired >= 0;
            }
        }
        for (var i = 0; i < monitoring.Count; i++)
        {
            var record = monitoring[i];
            var key = record.Id.Key;
            if (key != 0 && !record.RiskCleared && index._table.Find(key) < 0)
            {
                var normalised = PersonName.Normalise(record.Name);
                var code = NameCode.Of(normalised);
                index._table.Add(key, index.Add(key, normalised, code, record.Name), code);
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
    public int FirstWithKey(long key)
    {
        var slot = _table.Find(key);
        return slot < 0 ? -1 : _table.At(slot).Person;
    }

    /// <summary>Whether another person holds the same ID under another name.</summary>
    public bool SharesKey(int person) => _sharesKey[person];

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
            var slot = _table.Find(id.Key);
            if (slot < 0)
            {
                return IdentityMatch.None;
            }
            ref var entry = ref _table.At(slot);
            var code = NameCode.OfRaw(name);
            if (entry.NameCode == code && NameCode.IsExact(code))
            {
                return new IdentityMatch(entry.Person, Confidence.Exact);
            }
            if (entry.NameCode == code || entry.HasChain)
            {
                var normalised = PersonName.Normalise(name);
                for (var p = entry.Person; p >= 0; p = _nextWithSameKey[p])
                {
                    if (SameName(p, normalised, code))
                    {
                        return new IdentityMatch(p, Confidence.Exact);
                    }
                }
            }
            return new IdentityMatch(entry.Person, Confidence.Review);
        }
        var norm = PersonName.Normalise(name);
        if (norm.Length == 0)
        {
            return IdentityMatch.None;
        }
        var nameCode = NameCode.Of(norm);
        if (id.Problem is not (IdProblem.Missing or IdProblem.ExcelDamaged))
        {
            var repaired = Repair(id, norm, nameCode);
            if (repaired >= 0)
            {
                return new IdentityMatch(repaired, Confidence.Repaired);
            }
        }
        if (sex is { } s && birthDate is { } b)
        {
            var probable = _probable.Value.Find(norm, nameCode, b, s);
            if (probable >= 0)
            {
                return new IdentityMatch(probable, Confidence.Probable);
            }
        }
        return IdentityMatch.None;
    }

    private bool SameName(int person, string normalised, long code) =>
        _nameCode[person] == code && (NameCode.IsExact(code) || string.Equals(_name[person], normalised, StringComparison.Ordinal));

    /// <summary>Exactly one person at one digit or one adjacent swap from the invalid ID, with the same name; else -1.</summary>
    private int Repair(in ParsedId id, string normalisedName, long code)
    {
        if (id.Text.Length != 18 || normalisedName.Length == 0)
        {
            return -1;
        }
        var found = -1;
        foreach (var candidate in ResidentIdParser.RepairCandidates(id.Text))
        {
            for (var p = FirstWithKey(candidate); p >= 0; p = _nextWithSameKey[p])
            {
                if (SameName(p, normalisedName, code))
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

    private int FindOrAdd(long key, string normalised, long code, string displayName)
    {
        var slot = _table.Find(key);
        if (slot < 0)
        {
            var p = Add(key, normalised, code, displayName);
            _table.Add(key, p, code);
            return p;
        }
        // Same ID already held: the same person, or another person under another name (chained).
        ref var entry = ref _table.At(slot);
        var last = -1;
        for (var p = entry.Person; p >= 0; p = _nextWithSameKey[p])
        {
            if (SameName(p, normalised, code))
            {
                return p;
            }
            last = p;
        }
        var added = Add(key, normalised, code, displayName);
        _nextWithSameKey[last] = added;
        entry.HasChain = true;
        _sharesKey[entry.Person] = true;
        _sharesKey[added] = true;
        return added;
    }

    /// <summary>Adds a person; the caller registers the key in the table (or chains the person).</summary>
    private int Add(long key, string normalised, long code, string displayName)
    {
        if (Count == _key.Length)
        {
            var size = _key.Length * 2;
            Array.Resize(ref _key, size);
            Array.Resize(ref _name, size);
            Array.Resize(ref _nameCode, size);
            Array.Resize(ref _displayName, size);
            Array.Resize(ref _nextWithSameKey, size);
            Array.Resize(ref _sharesKey, size);
        }
        var p = Count++;
        _key[p] = key;
        _name[p] = normalised;
        _nameCode[p] = code;
        _displayName[p] = displayName;
        _nextWithSameKey[p] = -1;
        return p;
    }

    /// <summary>
    /// Name + sex + birth date (read from each person's ID) → the one person, or ambiguous. Names that pack
    /// into a code are keyed on it, so building the index hashes no strings; the rare longer names on the string.
    /// </summary>
    private sealed class ProbableIndex
    {
        private readonly Dictionary<(long Code, int BirthSex), int> _packed;
        private readonly Dictionary<(string Name, int BirthSex), int> _long = [];

        public ProbableIndex(PersonIndex index)
        {
            _packed = new Dictionary<(long, int), int>(index.Count);
            for (var p = 0; p < index.Count; p++)
            {
                if (index._name[p].Length == 0)
                {
                    continue;
                }
                var key = index._key[p];
                var birthSex = BirthSex((int)(key / 1000 % 100_000_000), key % 2 == 1 ? Sex.Male : Sex.Female);
                // Persons are distinct (ID, name) pairs: a second person under the same name is a second ID.
                if (NameCode.IsExact(index._nameCode[p]))
                {
                    var entry = (index._nameCode[p], birthSex);
                    _packed[entry] = _packed.ContainsKey(entry) ? Ambiguous : p;
                }
                else
                {
                    var entry = (index._name[p], birthSex);
                    _long[entry] = _long.ContainsKey(entry) ? Ambiguous : p;
                }
            }
        }

        public int Find(string normalised, long code, DateOnly birth, Sex sex)
        {
            var birthSex = BirthSex(birth.Year * 10000 + birth.Month * 100 + birth.Day, sex);
            var found = NameCode.IsExact(code)
                ? _packed.TryGetValue((code, birthSex), out var p) ? p : -1
                : _long.TryGetValue((normalised, birthSex), out var q) ? q : -1;
            return found >= 0 ? found : -1;
        }

        private static int BirthSex(int ymd, Sex sex) => ymd * 2 + (sex == Sex.Male ? 1 : 0);
    }
}
