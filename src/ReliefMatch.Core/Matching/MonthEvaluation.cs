using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// What every check of one run shares: the person index, per-person facts from the roster set and the
/// monitoring snapshot, and the matches of each departmental source, each computed once and only when an
/// enabled rule needs it.
/// </summary>
internal sealed class MonthEvaluation
{
    private const byte HasHomeRow = 1;
    private const byte HasHomeEnrolment = 2;
    private const byte EnrolledDibaoOrTekun = 4;
    private const byte RosterLowIncome = 8;
    private const byte Monitored = 16;
    private const byte SharedKey = 32;

    private static readonly IReadOnlyList<Programme>[] ProgrammeLists = BuildProgrammeLists();

    private readonly byte[] _flags;
    private readonly byte[] _homeProgrammes;
    private readonly bool[] _rowHome;
    private readonly MonthParts _parts;

    // Set once by Prepare, before any check runs, and only read after: the checks run side by side. A part no
    // rule declared stays null, and reading it throws.
    private IdentityMatch[] _monitoring = [];
    /// <summary>Per person, the first placed monitoring record (or the first), else −1.</summary>
    private int[] _monitoringOfPerson = [];
    private IdentityMatch[]? _deaths;
    private IdentityMatch[]? _disability;
    /// <summary>Per person, the first disability record giving a township, else −1.</summary>
    private int[]? _disabilityOfPerson;
    private MedicalScan? _medical;
    private List<RosterHousehold> _households = [];
    private Dictionary<string, RosterHousehold> _householdById = new(StringComparer.Ordinal);
    private Dictionary<string, IdentityMatch[]> _declaredMatches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredWanted = new(StringComparer.Ordinal);

    private MonthEvaluation(ExtractSet data, ReportingMonth period, HomeCounty county, MonthParts parts, int widestMedicalWindow)
    {
        Data = data;
        Period = period;
        End = period.Last;
        HomeCounty = county.Code;
        HomeCountyName = county.Name;
        _parts = parts;
        Index = PersonIndex.Build(data.Roster, data.Monitoring);
        MedicalWindowStart = widestMedicalWindow > 0 ? WindowStart(widestMedicalWindow) : End;

        // What each row says about its person is worked out in parallel (reading the rows is the cost);
        // folding it into the persons is a cheap sequential pass over two small arrays.
        var roster = data.Roster;
        var rowHome = _rowHome = new bool[roster.Count];
        var rowFlags = new byte[roster.Count];
        var rowProgramme = new byte[roster.Count];
        Chunks.For(roster.Count, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var row = roster[i];
                var home = CountyCodes.IsIn(row.CountyCode, county.Code);
                rowHome[i] = home;
                byte f = home ? HasHomeRow : (byte)0;
                if (row.IsEnrolled)
                {
                    if (row.Programme.IsDibao() || row.Programme == Programme.Tekun)
                    {
                        f |= EnrolledDibaoOrTekun;
                    }
                    if (home)
                    {
                        f |= HasHomeEnrolment;
                        rowProgramme[i] = (byte)(1 << (int)row.Programme);
                        if (row.Programme is Programme.Edge or Programme.Expenditure)
                        {
                            f |= RosterLowIncome;
                        }
                    }
                }
                rowFlags[i] = f;
            }
        });
        _flags = new byte[Index.Count];
        _homeProgrammes = new byte[Index.Count];
        for (var i = 0; i < rowFlags.Length; i++)
        {
            var p = Index.PersonOfRow(i);
            if (p >= 0)
            {
                _flags[p] |= rowFlags[i];
                _homeProgrammes[p] |= rowProgramme[i];
            }
        }
        for (var p = 0; p < Index.Count; p++)
        {
            if (Index.SharesKey(p))
            {
                _flags[p] |= SharedKey;
            }
        }
    }

    /// <summary>
    /// The month with everything <paramref name="needs"/> declare computed, so that the checks can then run
    /// concurrently and only read: the person index, the roster households and the monitoring matches always, and
    /// the <see cref="MonthParts"/> some rule declared, side by side.
    /// </summary>
    public static MonthEvaluation Prepare(ExtractSet data, ReportingMonth period, HomeCounty home, IEnumerable<RuleNeeds> needs)
    {
        var parts = MonthParts.None;
        var widestMedicalWindow = 0;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var need in needs)
        {
            declared.UnionWith(need.DeclaredSources.SelectMany(g => g));
            declared.UnionWith(need.OptionalDeclaredSources);
            parts |= need.Parts;
            if (need.Parts.HasFlag(MonthParts.MedicalSettlements))
            {
                widestMedicalWindow = Math.Max(widestMedicalWindow, need.MedicalWindowMonths);
            }
        }
        var month = new MonthEvaluation(data, period, home, parts, widestMedicalWindow);
        month._declaredWanted.UnionWith(declared);
        month.PrepareParts();
        return month;
    }

    private void PrepareParts()
    {
        // Monitoring first: it is small, and the medical pass reads who it marks as monitored.
        (_monitoring, _monitoringOfPerson) = MatchMonitoring();
        IdentityMatch[]? deaths = null, disability = null;
        int[]? placedDisability = null;
        MedicalScan? medical = null;
        List<RosterHousehold> households = [];
        Dictionary<string, RosterHousehold> householdById = [];
        // Every finding about a home household names the household's programmes, so the households are always built.
        var parts = new List<Action> { () => (households, householdById) = BuildHouseholds() };
        if (_parts.HasFlag(MonthParts.DeathMatches))
        {
            parts.Add(() => deaths = MatchDeaths());
        }
        if (_parts.HasFlag(MonthParts.DisabilityMatches))
        {
            parts.Add(() =>
            {
                disability = MatchAll(Data.Disability, static (index, r) => index.MatchById(r.Id, r.Name));
                placedDisability = FirstPlacedDisability(disability);
            });
        }
        if ((_parts & (MonthParts.MedicalSettlements | MonthParts.MedicalMismatches)) != 0)
        {
            parts.Add(() => medical = MedicalScan.Run(this));
        }
        var declared = new Dictionary<string, IdentityMatch[]>(StringComparer.Ordinal);
        foreach (var source in _declaredWanted)
        {
            if (Data.Declared.TryGetValue(source, out var table))
            {
                var matches = new IdentityMatch[table.Count];
                declared.Add(source, matches);
                parts.Add(() => MatchDeclared(table, matches));
            }
        }
        // Independent of one another: each writes its own local.
        Parallel.Invoke([.. parts]);
        (_households, _householdById) = (households, householdById);
        (_deaths, _disability, _disabilityOfPerson, _medical) = (deaths, disability, placedDisability, medical);
        _declaredMatches = declared;
    }

    /// <summary>Each record of a declared source tied by ID: exact, repaired or review (these sources always carry IDs).</summary>
    private void MatchDeclared(Sources.DeclaredTable table, IdentityMatch[] matches)
    {
        var index = Index;
        var ids = table.Ids;
        var names = table.Names;
        Chunks.For(table.Count, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                matches[i] = index.MatchById(ids[i], names[i]);
            }
        });
    }

    /// <summary>
    /// The month's records of the declared source <paramref name="source"/> and how each is tied to a person; null when
    /// the month has none of the source. Only sources some rule of the run named in its needs were matched.
    /// </summary>
    public (Sources.DeclaredTable Table, IdentityMatch[] Matches)? Declared(string source)
    {
        if (!Data.Declared.TryGetValue(source, out var table))
        {
            return null;
        }
        return _declaredMatches.TryGetValue(source, out var matches)
            ? (table, matches)
            : throw new InvalidOperationException($"The declared source {source} was read but no rule of the run named it in its needs.");
    }

    /// <summary>Monitored, the risk not cleared.</summary>
    public bool IsMonitored(int person) => (_flags[person] & Monitored) != 0;

    /// <summary>Of the low-income population as the plan's other checks mean it: enrolled in any programme in the home county, or monitored.</summary>
    public bool IsLowIncomePopulation(int person) => (_flags[person] & (HasHomeEnrolment | Monitored)) != 0;

    /// <summary>The township and village of the person's monitoring record, when it gives one.</summary>
    public (string Township, string Village)? MonitoringPlace(int person)
    {
        if (_monitoringOfPerson[person] is var m and >= 0 && !string.IsNullOrWhiteSpace(Data.Monitoring[m].Township))
        {
            var record = Data.Monitoring[m];
            return (record.Township!.Trim(), record.Village?.Trim() ?? "");
        }
        return null;
    }

    /// <summary>The home-county household <paramref name="householdId"/> (trimmed), or null.</summary>
    public RosterHousehold? Household(string householdId) => _householdById.GetValueOrDefault(householdId.Trim());

    public ExtractSet Data { get; }
    public ReportingMonth Period { get; }
    /// <summary>end(P).</summary>
    public DateOnly End { get; }
    public string HomeCounty { get; }

    /// <summary>
    /// The installation's name for the home county (<see cref="Places.HomeCounty"/>): evidence names the home county by
    /// this one name throughout, whatever its roster rows spell in 县(区), as worklists and the 统计表 do.
    /// </summary>
    public string HomeCountyName { get; }
    public PersonIndex Index { get; }

    /// <summary>The earliest settlement date any enabled medical rule looks at.</summary>
    public DateOnly MedicalWindowStart { get; }
    public bool WantsMedicalSettlements => _parts.HasFlag(MonthParts.MedicalSettlements);
    public bool WantsMedicalMismatches => _parts.HasFlag(MonthParts.MedicalMismatches);

    /// <summary>
    /// First day of the window of <paramref name="months"/> calendar months ending end(P): for 12 months and
    /// P = 2023-07, 2022-08-01 (equivalently: settled after end(P) − 12 months).
    /// </summary>
    public DateOnly WindowStart(int months) => Period.First.AddMonths(-(months - 1));

    public bool IsHomeRow(int row) => _rowHome[row];

    public bool HasHome(int person) => (_flags[person] & HasHomeRow) != 0;

    public bool HasHomeEnrolled(int person) => (_flags[person] & HasHomeEnrolment) != 0;

    /// <summary>
    /// A low-income person (monitored with risk not cleared, or an enrolled member of a home-county edge or
    /// expenditure household) not enrolled in dibao or tekun anywhere in the roster set.
    /// </summary>
    public bool IsLowIncomeCandidate(int person) => IsCandidate(_flags[person]);

    private static bool IsCandidate(byte flags) => (flags & (RosterLowIncome | Monitored)) != 0 && (flags & EnrolledDibaoOrTekun) == 0;

    /// <summary>
    /// The hot-loop form of <see cref="IsLowIncomeCandidate"/> and <see cref="MismatchedHomePerson"/> for one
    /// matched record: a single read of the person's flags in the common case.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Classify(IdentityMatch match, out bool candidate, out int mismatchedHome)
    {
        var f = _flags[match.Person];
        candidate = match.IsMatch && IsCandidate(f);
        mismatchedHome = match.IsReview || (f & SharedKey) != 0 ? MismatchedHomePerson(match) : -1;
    }

    /// <summary>The programmes the person is enrolled in in the home county, in canonical order.</summary>
    public IReadOnlyList<Programme> HomeProgrammes(int person) => ProgrammeLists[_homeProgrammes[person]];

    public static IReadOnlyList<Programme> ProgrammesOf(int mask) => ProgrammeLists[mask];

    /// <summary>
    /// The programmes the members of the home-county household <paramref name="householdId"/> are enrolled in: what
    /// a finding about that household counts under in its township's 数据预警 (docs/rules.md), not the person's
    /// enrolments in other households.
    /// </summary>
    public IReadOnlyList<Programme> HouseholdProgrammes(string householdId) =>
        _householdById.TryGetValue(householdId.Trim(), out var household) ? ProgrammesOf(household.ProgrammeMask) : [];

    public IdentityMatch[] DeathMatches => _deaths ?? throw NotPrepared(MonthParts.DeathMatches);

    public IdentityMatch[] DisabilityMatches => _disability ?? throw NotPrepared(MonthParts.DisabilityMatches);

    public IdentityMatch[] MonitoringMatches => _monitoring;

    public MedicalScan Medical => _medical ?? throw NotPrepared(MonthParts.MedicalSettlements | MonthParts.MedicalMismatches);

    /// <summary>Home-county households, in order of first appearance.</summary>
    public List<RosterHousehold> Households => _households;

    /// <summary>A check read a part its kind did not declare in <see cref="RuleNeeds.Parts"/>: a bug of the kind, reported on every run.</summary>
    private static InvalidOperationException NotPrepared(MonthParts part) =>
        new($"The month data {part} was read but no rule of the run declared it: the rule kind must list it in its needs.");

    /// <summary>
    /// For <c>id-name-mismatch</c>: the home-county person whose ID the record carries under another name,
    /// or -1. A record exactly matching someone of another county is still a mismatch when a home-county
    /// person holds that ID under another name.
    /// </summary>
    public int MismatchedHomePerson(IdentityMatch match)
    {
        if (match.IsReview)
        {
            for (var q = match.Person; q >= 0; q = Index.NextWithSameKey(q))
            {
                if (HasHome(q))
                {
                    return q;
                }
            }
            return -1;
        }
        if (match.Confidence == Confidence.Exact && (_flags[match.Person] & SharedKey) != 0 && !HasHome(match.Person))
        {
            for (var q = Index.FirstWithKey(Index.Key(match.Person)); q >= 0; q = Index.NextWithSameKey(q))
            {
                if (q != match.Person && HasHome(q))
                {
                    return q;
                }
            }
        }
        return -1;
    }

    /// <summary>The home row a person-level finding is filed under: the first enrolled home row, else the first home row, else -1.</summary>
    public int HomeRowOf(int person)
    {
        var roster = Data.Roster;
        int enrolled = -1, any = -1;
        foreach (var r in Index.RosterRows(person))
        {
            if (!_rowHome[r])
            {
                continue;
            }
            if (roster[r].IsEnrolled && (enrolled < 0 || IsEarlier(roster[r], roster[enrolled])))
            {
                enrolled = r;
            }
            if (any < 0 || IsEarlier(roster[r], roster[any]))
            {
                any = r;
            }
        }
        return enrolled >= 0 ? enrolled : any;
    }

    /// <summary>
    /// Where a low-income person's finding goes: the home household if on the home roster; otherwise the
    /// township and village of the monitoring record, else of the disability record (docs/rules.md).
    /// </summary>
    public (string HouseholdId, string Township, string Village, string Name) LowIncomePlace(int person)
    {
        var row = HomeRowOf(person);
        if (row >= 0)
        {
            var r = Data.Roster[row];
            return (r.HouseholdId, r.Township, r.Village ?? "", r.Name);
        }
        if (MonitoringPlace(person) is { } monitored)
        {
            return ("", monitored.Township, monitored.Village, Index.DisplayName(person));
        }
        if ((_disabilityOfPerson ?? throw NotPrepared(MonthParts.DisabilityMatches))[person] is var d and >= 0)
        {
            var rec = Data.Disability[d];
            return ("", rec.Township!.Trim(), rec.Village?.Trim() ?? "", Index.DisplayName(person));
        }
        return ("", "", "", Index.DisplayName(person));
    }

    /// <summary>Earlier in the source files: lower extract id, then lower row.</summary>
    public static bool IsEarlier(ExtractRecord a, ExtractRecord b) =>
        a.ExtractId < b.ExtractId || a.ExtractId == b.ExtractId && a.Row < b.Row;

    public static Confidence Weaker(Confidence a, Confidence b) => a > b ? a : b;

    public static Confidence Stronger(Confidence a, Confidence b) => a < b ? a : b;

    public Finding NewFinding(Rule rule, string idNumber, string householdId, string name, string township, string village,
        IReadOnlyList<Programme> programmes, Confidence confidence, IReadOnlyList<Evidence> evidence, string discriminator = "") => new()
    {
        RuleId = rule.Id,
        RuleVersion = rule.Version,
        RuleTitle = rule.Title,
        IdNumber = idNumber,
        HouseholdId = householdId,
        Name = name,
        Township = township.Trim(),
        Village = village.Trim(),
        Programmes = programmes,
        Confidence = confidence,
        Evidence = evidence,
        FeedsDataWarning = rule.DataWarning,
        SuggestedAction = rule.Action,
        DueDays = rule.DueDays,
        Discriminator = discriminator,
    };

    /// <summary>Each monitoring record matched; marks the persons monitored with risk not cleared; each one's first placed record.</summary>
    private (IdentityMatch[] Matches, int[] FirstOfPerson) MatchMonitoring()
    {
        var records = Data.Monitoring;
        var matches = MatchAll(records, static (index, r) => index.MatchById(r.Id, r.Name));
        var first = NoRecords();
        for (var i = 0; i < matches.Length; i++)
        {
            var m = matches[i];
            if (m.IsMatch && !records[i].RiskCleared)
            {
                _flags[m.Person] |= Monitored;
                var j = first[m.Person];
                if (j < 0 || string.IsNullOrWhiteSpace(records[j].Township) && !string.IsNullOrWhiteSpace(records[i].Township))
                {
                    first[m.Person] = i;
                }
            }
        }
        return (matches, first);
    }

    private int[] FirstPlacedDisability(IdentityMatch[] matches)
    {
        var first = NoRecords();
        for (var i = 0; i < matches.Length; i++)
        {
            if (matches[i].IsMatch && first[matches[i].Person] < 0 && !string.IsNullOrWhiteSpace(Data.Disability[i].Township))
            {
                first[matches[i].Person] = i;
            }
        }
        return first;
    }

    /// <summary>A record per person, none yet: an array read and written by person number is cheaper than a map of millions.</summary>
    private int[] NoRecords()
    {
        var none = new int[Index.Count];
        Array.Fill(none, -1);
        return none;
    }

    private IdentityMatch[] MatchAll<T>(IReadOnlyList<T> records, Func<PersonIndex, T, IdentityMatch> match)
        where T : ExtractRecord
    {
        var result = new IdentityMatch[records.Count];
        var index = Index;
        Chunks.For(records.Count, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (_, from, to) =>
        {
            for (var block = from; block < to; block += MedicalScan.Block)
            {
                var blockEnd = Math.Min(block + MedicalScan.Block, to);
                long touched = 0;
                for (var i = block; i < blockEnd; i++)
                {
                    touched ^= index.Touch(records[i].Id.Key);
                }
                for (var i = block; i < blockEnd; i++)
                {
                    result[i] = match(index, records[i]);
                }
                KeyTable.Keep(touched);
            }
        });
        return result;
    }

    /// <summary>
    /// Deaths by ID first; the records left without a usable ID are then matched on name, sex and birth
    /// date against an index built for just their combinations (one scan of the persons, not an index of all).
    /// </summary>
    private IdentityMatch[] MatchDeaths()
    {
        var deaths = Data.Deaths;
        var matches = MatchAll(deaths, static (index, r) => index.MatchById(r.Id, r.Name));
        var pending = new List<int>();
        for (var i = 0; i < matches.Length; i++)
        {
            var r = deaths[i];
            if (matches[i].Confidence is null && PersonIndex.NeedsProbable(r.Id, r.Name, r.Sex, r.BirthDate))
            {
                pending.Add(i);
            }
        }
        if (pending.Count > 0)
        {
            var probable = Index.ProbableFor(pending.Select(i => (deaths[i].Name, deaths[i].Sex!.Value, deaths[i].BirthDate!.Value)));
            foreach (var i in pending)
            {
                matches[i] = Index.MatchProbable(probable, deaths[i].Name, deaths[i].Sex!.Value, deaths[i].BirthDate!.Value);
            }
        }
        return matches;
    }

    private (List<RosterHousehold> Households, Dictionary<string, RosterHousehold> ById) BuildHouseholds()
    {
        var rowHome = _rowHome;
        return RosterHousehold.Group(Data.Roster, row => rowHome[row]);
    }

    private static IReadOnlyList<Programme>[] BuildProgrammeLists()
    {
        var lists = new IReadOnlyList<Programme>[64];
        var all = Enum.GetValues<Programme>();
        for (var mask = 0; mask < lists.Length; mask++)
        {
            lists[mask] = all.Where(p => (mask & (1 << (int)p)) != 0).ToArray();
        }
        return lists;
    }
}
