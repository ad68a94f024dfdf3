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
/// is two persons, since docs/identity.md never ties a record to a person across a name difference.</para>
/// <para>A roster row whose ID is invalid joins the person its ID repairs to (one digit or one adjacent swap,
/// same name, exactly one such person); otherwise it belongs to nobody and only <c>invalid-roster-id</c> sees it.</para>
/// <para>Built once per run, read concurrently afterwards. A lookup is one probe of an open-addressing table
/// holding the key and the name's <see cref="NameCode"/>, so the common exact match reads no name string of
/// the index. The index keeps no per-person strings (they would make every garbage collection scan millions
/// of references); names are read back from the roster row or monitoring record a person came from.</para>
/// </remarks>
public sealed class PersonIndex
{
    private readonly IReadOnlyList<RosterRecord> _roster;
    private readonly IReadOnlyList<MonitoringRecord> _monitoring;
    /// <summary>Persons are split by ID key into <see cref="Partitions"/> tables, built side by side.</summary>
    private const int Partitions = 2;
    private readonly KeyTable[] _tables = new KeyTable[Partitions];
    private readonly long[] _key;
    private readonly long[] _nameCode;
    /// <summary>Roster row the person was first seen on (≥ 0), or −1 − the monitoring record's index.</summary>
    private readonly int[] _origin;
    private readonly int[] _nextWithSameKey;
    private readonly bool[] _sharesKey;
    private readonly int[] _rowPerson;
    private readonly bool[] _rowRepaired;
    private int[] _rowsStart = [0];
    private int[] _rows = [];
    private readonly Lazy<ProbableIndex> _probable;

    private PersonIndex(IReadOnlyList<RosterRecord> roster, IReadOnlyList<MonitoringRecord> monitoring)
    {
        _roster = roster;
        _monitoring = monitoring;
        var capacity = roster.Count + monitoring.Count; // every person comes from at least one row
        _key = new long[capacity];
        _nameCode = new long[capacity];
        _origin = new int[capacity];
        _nextWithSameKey = new int[capacity];
        _sharesKey = new bool[capacity];
        _rowPerson = new int[roster.Count];
        _rowRepaired = new bool[roster.Count];
        _probable = new Lazy<ProbableIndex>(() => new ProbableIndex(this, null), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Number of persons; persons are numbered 0..Count-1.</summary>
    public int Count { get; private set; }

    /// <summary>Indexes the roster set and the monitored persons (<see cref="MonitoringRecord.RiskCleared"/> false).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static PersonIndex Build(IReadOnlyList<RosterRecord> roster, IReadOnlyList<MonitoringRecord> monitoring)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(monitoring);
        var index = new PersonIndex(roster, monitoring);
        var rowPerson = index._rowPerson;
        // Keys and name codes are independent per row: read in parallel.
        var keys = new long[roster.Count];
        var codes = new long[roster.Count];
        Chunks.For(roster.Count, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                keys[i] = roster[i].Id.Key;
                codes[i] = NameCode.OfRaw(roster[i].Name);
            }
        });
        // Each partition of keys numbers its persons in roster order, inside a range reserved for it (its
        // row count bounds its persons); the ranges are then closed up. Numbering is deterministic.
        var rowsIn = new int[Partitions];
        var monitoredIn = new int[Partitions];
        foreach (var key in keys)
        {
            if (key != 0)
            {
                rowsIn[Part(key)]++;
            }
        }
        for (var i = 0; i < monitoring.Count; i++)
        {
            var key = monitoring[i].Id.Key;
            if (key != 0)
            {
                monitoredIn[Part(key)]++;
            }
        }
        var reserved = new int[Partitions];
        var counts = new int[Partitions];
        for (var part = 0; part < Partitions; part++)
        {
            index._tables[part] = new KeyTable(rowsIn[part] + monitoredIn[part]);
            reserved[part] = part == 0 ? 0 : reserved[part - 1] + rowsIn[part - 1];
        }
        Parallel.For(0, Partitions, part => counts[part] = index.BuildPartition(part, reserved[part], keys, codes));
        index.CloseUp(reserved, counts, keys);

        // Repair needs every valid ID in place first. It only reads the tables (some two hundred lookups per
        // invalid ID), and each row writes its own slots: rows are repaired in parallel.
        var rowRepaired = index._rowRepaired;
        Chunks.For(roster.Count, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                if (rowPerson[i] == -1)
                {
                    var row = roster[i];
                    var repaired = index.Repair(row.Id, PersonName.Normalise(row.Name), codes[i]);
                    rowPerson[i] = repaired;
                    rowRepaired[i] = repaired >= 0;
                }
            }
        });
        for (var i = 0; i < monitoring.Count; i++)
        {
            var record = monitoring[i];
            var key = record.Id.Key;
            if (key != 0 && !record.RiskCleared && index.Table(key).Find(key) is var slot && slot < 0)
            {
                var code = NameCode.OfRaw(record.Name);
                var p = index.Count++;
                index.Set(p, key, code, -1 - i);
                index.Table(key).AddAt(-1 - slot, key, p, code);
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
    public string DisplayName(int person) => _origin[person] >= 0 ? _roster[_origin[person]].Name : _monitoring[-1 - _origin[person]].Name;

    /// <summary>The roster rows of the person (indexes into the roster list), in roster order.</summary>
    public ReadOnlySpan<int> RosterRows(int person) => _rows.AsSpan(_rowsStart[person], _rowsStart[person + 1] - _rowsStart[person]);

    /// <summary>The person a roster row belongs to, or -1 when its ID is invalid and could not be repaired.</summary>
    public int PersonOfRow(int row) => _rowPerson[row];

    /// <summary>Whether the row's invalid ID was repaired to tie it to its person.</summary>
    public bool IsRowRepaired(int row) => _rowRepaired[row];

    /// <summary>The first person with this ID key, or -1.</summary>
    public int FirstWithKey(long key)
    {
        var table = Table(key);
        var slot = table.Find(key);
        return slot < 0 ? -1 : table.At(slot).Person;
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
        var match = MatchById(id, name);
        if (match.Confidence is null && NeedsProbable(id, name, sex, birthDate))
        {
            return MatchProbable(_probable.Value, name, sex!.Value, birthDate!.Value);
        }
        return match;
    }

    /// <summary>Exact, review or repaired; none when the ID is not usable (probable is not tried).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal IdentityMatch MatchById(in ParsedId id, string name)
    {
        if (id.IsValid)
        {
            var table = Table(id.Key);
            var slot = table.Find(id.Key);
            if (slot < 0)
            {
                return IdentityMatch.None;
            }
            ref var entry = ref table.At(slot);
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
        if (id.Problem is IdProblem.Missing or IdProblem.ExcelDamaged || id.Text.Length != 18)
        {
            return IdentityMatch.None;
        }
        var norm = PersonName.Normalise(name);
        var repaired = Repair(id, norm, NameCode.Of(norm));
        return repaired >= 0 ? new IdentityMatch(repaired, Confidence.Repaired) : IdentityMatch.None;
    }

    /// <summary>Touches the table slot of an ID key ahead of matching (see <see cref="KeyTable.Touch"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal long Touch(long key) => Table(key).Touch(key);

    /// <summary>Whether a record that <see cref="MatchById"/> did not tie may be matched on name, sex and birth date.</summary>
    internal static bool NeedsProbable(in ParsedId id, string name, Sex? sex, DateOnly? birthDate) =>
        !id.IsValid && sex.HasValue && birthDate.HasValue && !string.IsNullOrWhiteSpace(name);

    /// <summary>An index of name + sex + birth date limited to what <paramref name="wanted"/> asks for: one scan of the persons.</summary>
    internal ProbableIndex ProbableFor(IEnumerable<(string Name, Sex Sex, DateOnly BirthDate)> wanted) => new(this, wanted);

    internal IdentityMatch MatchProbable(ProbableIndex probable, string name, Sex sex, DateOnly birthDate)
    {
        var normalised = PersonName.Normalise(name);
        if (normalised.Length == 0)
        {
            return IdentityMatch.None;
        }
        var p = probable.Find(normalised, NameCode.Of(normalised), birthDate, sex);
        return p >= 0 ? new IdentityMatch(p, Confidence.Probable) : IdentityMatch.None;
    }

    private string NormalisedName(int person) => PersonName.Normalise(DisplayName(person));

    private bool SameName(int person, string normalised, long code) =>
        _nameCode[person] == code && (NameCode.IsExact(code) || string.Equals(NormalisedName(person), normalised, StringComparison.Ordinal));

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

    /// <summary>The partition of a key: top bit of a multiplicative hash other than the tables' own.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Part(long key) => (int)((ulong)key * 0xD6E8FEB86659FD93UL >> 63);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private KeyTable Table(long key) => _tables[Part(key)];

    /// <summary>Numbers the persons of one partition from <paramref name="first"/>, in roster order; returns how many.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int BuildPartition(int part, int first, long[] keys, long[] codes)
    {
        var table = _tables[part];
        var next = first;
        var block = new int[MedicalScan.Block];
        long touched = 0;
        for (var start = 0; start < keys.Length; start += MedicalScan.Block)
        {
            // Touch the slots of a block of rows first, so that their cache misses overlap.
            var end = Math.Min(start + MedicalScan.Block, keys.Length);
            var n = 0;
            for (var i = start; i < end; i++)
            {
                var key = keys[i];
                if (key != 0 && Part(key) == part)
                {
                    block[n++] = i;
                    touched ^= table.Touch(key);
                }
                else if (key == 0 && part == 0)
                {
                    _rowPerson[i] = -1;
                }
            }
            for (var k = 0; k < n; k++)
            {
                var i = block[k];
                _rowPerson[i] = FindOrAdd(table, ref next, keys[i], codes[i], i);
            }
        }
        KeyTable.Keep(touched);
        return next - first;
    }

    private int FindOrAdd(KeyTable table, ref int next, long key, long code, int row)
    {
        var slot = table.Find(key);
        if (slot < 0)
        {
            var p = next++;
            Set(p, key, code, row);
            table.AddAt(-1 - slot, key, p, code);
            return p;
        }
        // Same ID already held: the same person, or another person under another name (chained).
        ref var entry = ref table.At(slot);
        if (entry.NameCode == code && NameCode.IsExact(code) && !entry.HasChain)
        {
            return entry.Person;
        }
        var normalised = PersonName.Normalise(_roster[row].Name);
        var last = -1;
        for (var p = entry.Person; p >= 0; p = _nextWithSameKey[p])
        {
            if (SameName(p, normalised, code))
            {
                return p;
            }
            last = p;
        }
        var added = next++;
        Set(added, key, code, row);
        _nextWithSameKey[last] = added;
        entry.HasChain = true;
        _sharesKey[entry.Person] = true;
        _sharesKey[added] = true;
        return added;
    }

    /// <summary>Moves each partition's persons down to follow the previous partition's, and renumbers references.</summary>
    private void CloseUp(int[] reserved, int[] counts, long[] keys)
    {
        var delta = new int[Partitions];
        var at = 0;
        for (var part = 0; part < Partitions; part++)
        {
            delta[part] = at - reserved[part];
            if (delta[part] != 0)
            {
                Array.Copy(_key, reserved[part], _key, at, counts[part]);
                Array.Copy(_nameCode, reserved[part], _nameCode, at, counts[part]);
                Array.Copy(_origin, reserved[part], _origin, at, counts[part]);
                Array.Copy(_nextWithSameKey, reserved[part], _nextWithSameKey, at, counts[part]);
                Array.Copy(_sharesKey, reserved[part], _sharesKey, at, counts[part]);
                for (var p = at; p < at + counts[part]; p++)
                {
                    if (_nextWithSameKey[p] >= 0)
                    {
                        _nextWithSameKey[p] += delta[part];
                    }
                }
                _tables[part].OffsetPersons(delta[part]);
            }
            at += counts[part];
        }
        Count = at;
        Array.Clear(_sharesKey, at, _sharesKey.Length - at);
        var rowPerson = _rowPerson;
        Chunks.For(keys.Length, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                if (keys[i] != 0)
                {
                    rowPerson[i] += delta[Part(keys[i])];
                }
            }
        });
    }

    private void Set(int person, long key, long code, int origin)
    {
        _key[person] = key;
        _nameCode[person] = code;
        _origin[person] = origin;
        _nextWithSameKey[person] = -1;
    }

    /// <summary>
    /// Name + sex + birth date (read from each person's ID) → the one person, or ambiguous. Names that pack
    /// into a code are keyed on it, so the scan hashes no strings; the rare longer names on the string.
    /// Built either for everything (per-record <see cref="Match"/>) or for the few combinations a batch of
    /// records asks for, which keeps it small.
    /// </summary>
    internal sealed class ProbableIndex
    {
        private const int Ambiguous = -2;
        private readonly Dictionary<(long Code, int BirthSex), int> _packed = [];
        private readonly Dictionary<(string Name, int BirthSex), int> _long = [];

        public ProbableIndex(PersonIndex index, IEnumerable<(string Name, Sex Sex, DateOnly BirthDate)>? wanted)
        {
            HashSet<(long, int)>? wantedPacked = null;
            if (wanted is not null)
            {
                wantedPacked = [];
                foreach (var (name, sex, birth) in wanted)
                {
                    var normalised = PersonName.Normalise(name);
                    var code = NameCode.Of(normalised);
                    // Long names are asked for by their hashed code too: the strings are compared on insertion.
                    wantedPacked.Add((code, BirthSex(Ymd(birth), sex)));
                }
            }
            for (var p = 0; p < index.Count; p++)
            {
                var code = index._nameCode[p];
                if (code == 0)
                {
                    continue;
                }
                var key = index._key[p];
                var birthSex = BirthSex((int)(key / 1000 % 100_000_000), key % 2 == 1 ? Sex.Male : Sex.Female);
                if (wantedPacked is not null && !wantedPacked.Contains((code, birthSex)))
                {
                    continue;
                }
                // Persons are distinct (ID, name) pairs: a second person under the same name is a second ID.
                if (NameCode.IsExact(code))
                {
                    var entry = (code, birthSex);
                    _packed[entry] = _packed.ContainsKey(entry) ? Ambiguous : p;
                }
                else
                {
                    var entry = (index.NormalisedName(p), birthSex);
                    _long[entry] = _long.ContainsKey(entry) ? Ambiguous : p;
                }
            }
        }

        public int Find(string normalised, long code, DateOnly birth, Sex sex)
        {
            var birthSex = BirthSex(Ymd(birth), sex);
            var found = NameCode.IsExact(code)
                ? _packed.TryGetValue((code, birthSex), out var p) ? p : -1
                : _long.TryGetValue((normalised, birthSex), out var q) ? q : -1;
            return found >= 0 ? found : -1;
        }

        private static int Ymd(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

        private static int BirthSex(int ymd, Sex sex) => ymd * 2 + (sex == Sex.Male ? 1 : 0);
    }
}
