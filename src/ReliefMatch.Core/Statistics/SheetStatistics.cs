using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Core.Statistics;

/// <summary>
/// Counts every cell of the 统计表 (docs/statistics.md) for the county and each township from a
/// <see cref="StatisticsInput"/>. Pure: no I/O, no clock. Every figure is what happened in the month, not a running
/// total; a cell whose source is missing is null, never 0, and is listed in <see cref="MonthStatistics.Missing"/>
/// with the sources that would fill it.
/// </summary>
public static class SheetStatistics
{
    public static MonthStatistics Compute(StatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dataWarning = DataWarningStatistics.Count(input.Period, input.Findings, input.HomeTownships);
        var roster = input.Roster is { } rows ? new RosterMonth(rows, input.HomeCountyCode) : null;
        var counts = new Dictionary<string, CellCount>(StringComparer.Ordinal);
        CountTags(input, roster, counts);
        CountDuties(input, roster, counts);

        var townships = dataWarning.Townships.Select(t => t.Township)
            .Concat(counts.Values.Where(c => c.Tally is not null).SelectMany(c => c.Tally!.Townships))
            .Concat(input.Entries.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var county = Unit(counts, dataWarning.County, tally => tally.County, Sum(input.Entries.Values), meetingOn: null);
        var perTownship = townships.Select(t => new TownshipStatistics(t, Unit(counts, dataWarning.For(t), tally => tally.Township(t),
            input.Entries.TryGetValue(t, out var e) ? e.Counts : null, input.Entries.TryGetValue(t, out var m) ? m.MeetingOn : null))).ToList();
        var missing = SheetCells.Tags.Concat(SheetCells.Duties)
            .Where(c => c.Entered ? !input.Entries.Values.Any(e => Entered(e, c.Key)) : counts[c.Path].Tally is null)
            .Select(c => new MissingCell(c, c.Entered ? [StatisticsSource.TownshipEntry] : counts[c.Path].Missing))
            .ToList();
        return new MonthStatistics(input.Period, county, perTownship, missing);
    }

    private static bool Entered(TownshipEntries entries, string key) =>
        key == SheetCells.MeetingOn ? entries.MeetingOn.HasValue : entries.Counts.ContainsKey(key);

    private static UnitStatistics Unit(Dictionary<string, CellCount> counts, DataWarningCounts dataWarning, Func<PersonTally, int> of,
        IReadOnlyDictionary<string, int>? entered, DateOnly? meetingOn)
    {
        int? Value(SheetCell cell) => cell.Entered
            ? entered is not null && entered.TryGetValue(cell.Key, out var n) ? n : null
            : counts[cell.Path].Tally is { } tally ? of(tally) : null;
        var tags = SheetCells.Tags.ToDictionary(c => c.Key, Value, StringComparer.Ordinal);
        var duties = SheetCells.Duties.Where(c => c.Key != SheetCells.MeetingOn).ToDictionary(c => c.Key, Value, StringComparer.Ordinal);
        var counted = SheetCells.TagRules.Keys.Select(k => counts[SheetCell.Tags + "." + k].Tally).OfType<PersonTally>().ToList();
        return new UnitStatistics(dataWarning, tags, duties, meetingOn)
        {
            TagsCounted = counted.Count == 0 ? null : of(PersonTally.Union(counted)),
        };
    }

    /// <summary>The county's entered counts: the sum of what the townships entered, a cell no township entered left out.</summary>
    private static Dictionary<string, int> Sum(IEnumerable<TownshipEntries> entries)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in entries.SelectMany(e => e.Counts))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }
        return sum;
    }

    private static void CountTags(StatisticsInput input, RosterMonth? roster, Dictionary<string, CellCount> counts)
    {
        var ran = input.RulesRun ?? new HashSet<string>(StringComparer.Ordinal);
        foreach (var (tag, ruleId) in SheetCells.TagRules)
        {
            CellCount count;
            if (ran.Contains(ruleId))
            {
                var tally = new PersonTally();
                foreach (var f in input.Findings.Where(f => f.FirstSeen == input.Period && string.Equals(f.Finding.RuleId, ruleId, StringComparison.Ordinal)))
                {
                    tally.Add(f.Finding.Township, f.Finding.IdNumber);
                }
                count = new CellCount(tally, []);
            }
            else
            {
                count = tag switch
                {
                    "monitored" => NewlyMonitored(input, roster),
                    "graduate" => CellCount.Lacking(StatisticsSource.Students),
                    "housing" => CellCount.Lacking(StatisticsSource.HousingAid),
                    "relocated" => CellCount.Lacking(StatisticsSource.Relocation),
                    _ => CellCount.Lacking(StatisticsSource.Rule),
                };
            }
            counts[SheetCell.Tags + "." + tag] = count;
        }
        var parts = SheetCells.TagRules.Keys.Select(k => counts[SheetCell.Tags + "." + k]).ToList();
        counts[SheetCell.Tags + ".total"] = parts.All(p => p.Tally is not null)
            ? new CellCount(PersonTally.Union(parts.Select(p => p.Tally!)), [])
            : new CellCount(null, parts.SelectMany(p => p.Missing).Distinct().ToList());
    }

    /// <summary>
    /// <c>tag-monitored</c> read straight from the monitoring snapshot while no such rule runs: monitored persons
    /// (risk not cleared) whose identified_on is in the month, or, where no row has an identified_on, who were not in
    /// the previous monitoring snapshot.
    /// </summary>
    private static CellCount NewlyMonitored(StatisticsInput input, RosterMonth? roster)
    {
        if (input.Monitoring is not { } monitoring)
        {
            return CellCount.Lacking(StatisticsSource.Monitoring);
        }
        var byDate = monitoring.Any(m => m.IdentifiedOn.HasValue);
        if (!byDate && input.PreviousMonitoring is null)
        {
            return CellCount.Lacking(StatisticsSource.PreviousMonitoring);
        }
        var before = byDate ? [] : input.PreviousMonitoring!.Where(m => m.Id.IsValid).Select(m => m.Id.Key).ToHashSet();
        var tally = new PersonTally();
        foreach (var m in monitoring)
        {
            if (m.RiskCleared || !m.Id.IsValid || (byDate ? !input.Period.Contains(m.IdentifiedOn) : before.Contains(m.Id.Key)))
            {
                continue;
            }
            var person = m.Id.Id!.Value.ToString();
            tally.Add(roster?.TownshipOf(person) ?? m.Township ?? "", person);
        }
        return new CellCount(tally, []);
    }

    private static void CountDuties(StatisticsInput input, RosterMonth? roster, Dictionary<string, CellCount> counts)
    {
        void Set(string key, CellCount count) => counts[SheetCell.Duties + "." + key] = count;
        var period = input.Period;
        var end = period.Last;

        var newEnrolments = NewEnrolments(input, roster, out var newMissing);
        CellCount New(Func<RosterRecord, bool> which, Func<string, bool>? person = null)
        {
            if (newEnrolments is null)
            {
                return new CellCount(null, newMissing);
            }
            var tally = new PersonTally();
            foreach (var (row, key) in newEnrolments)
            {
                if (which(row) && (person is null || person(key)))
                {
                    tally.Add(row.Township, key);
                }
            }
            return new CellCount(tally, []);
        }
        Set("new_urban_dibao", New(r => r.Programme == Programme.UrbanDibao));
        Set("new_rural_dibao", New(r => r.Programme == Programme.RuralDibao));

        HashSet<string>? monitored = input.Monitoring?.Where(m => !m.RiskCleared && m.Id.IsValid).Select(m => m.Id.Id!.Value.ToString()).ToHashSet(StringComparer.Ordinal);
        CellCount Monitored(Func<RosterRecord, bool> which) =>
            monitored is null ? CellCount.Lacking(StatisticsSource.Monitoring) : New(which, monitored.Contains);
        Set("exit_to_dibao", CellCount.Lacking(StatisticsSource.PovertyExit));
        Set("exit_to_tekun", CellCount.Lacking(StatisticsSource.PovertyExit));
        Set("exit_temporary_aid", CellCount.Lacking(StatisticsSource.PovertyExit, StatisticsSource.TemporaryAid));
        Set("monitored_to_dibao", Monitored(r => r.Programme.IsDibao()));
        Set("monitored_to_tekun", Monitored(r => r.Programme == Programme.Tekun));
        Set("monitored_temporary_aid", CellCount.Lacking(StatisticsSource.TemporaryAid));

        Set("tekun_to_institution", TekunToInstitution(input, roster));
        Set("tekun_visited", roster is null ? CellCount.Lacking(StatisticsSource.Roster)
            : roster.Lacks(RosterColumn.SupportMode, RosterColumn.LastVisitOn) is { } lacking ? lacking
            : roster.Count((r, h) => r.Programme == Programme.Tekun && r.SupportMode == SupportMode.Dispersed && IsElderly(r, end) && period.Contains(h.VisitOn)));
        Set("economic_checked", roster is null ? CellCount.Lacking(StatisticsSource.Roster)
            : roster.Lacks(RosterColumn.LastCheckOn) is { } noCheck ? noCheck
            : roster.Count((r, h) => (r.Programme.IsDibao() || r.Programme == Programme.Tekun) && period.Contains(h.CheckOn)));
        Set("home_visited", roster is null ? CellCount.Lacking(StatisticsSource.Roster)
            : roster.Lacks(RosterColumn.LastVisitOn) is { } noVisit ? noVisit
            : roster.Count((_, h) => period.Contains(h.VisitOn)));

        var visited = new PersonTally();
        foreach (var c in input.Checked)
        {
            if ((c.FeedsDataWarning || SheetCells.IsTagRule(c.RuleId)) && period.Contains(c.CheckedOn))
            {
                visited.Add(c.Township, c.IdNumber);
            }
        }
        Set("warnings_visited", new CellCount(visited, []));
        Set("approvals_visited", CellCount.Lacking(StatisticsSource.Applications));
        Set("online_applications", CellCount.Lacking(StatisticsSource.Applications));
        Set("kin_filed", CellCount.Lacking(StatisticsSource.KinFilings));
    }

    /// <summary>
    /// The month's new enrolments (home-county enrolled rows and their persons): by enrolled_on in the month where the
    /// roster has that column, else enrolled now and not in the previous snapshot; null, with why, when neither can be told.
    /// </summary>
    private static List<(RosterRecord Row, string Person)>? NewEnrolments(StatisticsInput input, RosterMonth? roster, out IReadOnlyList<StatisticsSource> missing)
    {
        missing = [];
        if (roster is null)
        {
            missing = [StatisticsSource.Roster];
            return null;
        }
        if (roster.Has(RosterColumn.EnrolledOn))
        {
            return roster.Enrolled.Where(e => input.Period.Contains(e.Row.EnrolledOn)).ToList();
        }
        if (input.PreviousRoster is not { } previous)
        {
            missing = [StatisticsSource.RosterEnrolledOn, StatisticsSource.PreviousRoster];
            return null;
        }
        var before = new RosterMonth(previous, input.HomeCountyCode).Enrolled.Select(e => (e.Person, e.Row.Programme)).ToHashSet();
        return roster.Enrolled.Where(e => !before.Contains((e.Person, e.Row.Programme))).ToList();
    }

    /// <summary>
    /// Tekun persons aged 60 or more, 集中供养 now, who were 分散供养 (or not tekun) in the previous snapshot.
    /// </summary>
    private static CellCount TekunToInstitution(StatisticsInput input, RosterMonth? roster)
    {
        if (roster is null)
        {
            return CellCount.Lacking(StatisticsSource.Roster);
        }
        if (roster.Lacks(RosterColumn.SupportMode) is { } lacking)
        {
            return lacking;
        }
        if (input.PreviousRoster is not { } previous)
        {
            return CellCount.Lacking(StatisticsSource.PreviousRoster);
        }
        var before = new Dictionary<string, SupportMode?>(StringComparer.Ordinal);
        foreach (var (row, person) in new RosterMonth(previous, input.HomeCountyCode).Enrolled)
        {
            if (row.Programme == Programme.Tekun && (!before.TryGetValue(person, out var mode) || mode != SupportMode.Centralised))
            {
                before[person] = row.SupportMode;
            }
        }
        var end = input.Period.Last;
        return roster.Count((r, _) => r.Programme == Programme.Tekun && r.SupportMode == SupportMode.Centralised && IsElderly(r, end),
            person => !before.TryGetValue(person, out var mode) || mode == SupportMode.Dispersed);
    }

    /// <summary>Aged 60 or more in full years at <paramref name="end"/>, from the ID's birth date; unknown without a valid ID.</summary>
    internal static bool IsElderly(RosterRecord row, DateOnly end)
    {
        if (row.Id.Id is not { } id)
        {
            return false;
        }
        var birth = id.BirthDate;
        var age = end.Year - birth.Year - (end.Month < birth.Month || end.Month == birth.Month && end.Day < birth.Day ? 1 : 0);
        return age >= 60;
    }

    /// <summary>A cell's persons, or why it has none (the sources that would fill it).</summary>
    private sealed record CellCount(PersonTally? Tally, IReadOnlyList<StatisticsSource> Missing)
    {
        public static CellCount Lacking(params StatisticsSource[] sources) => new(null, sources);
    }

    /// <summary>The home-county rows of a roster snapshot with the household values the cells read.</summary>
    private sealed class RosterMonth
    {
        private readonly Dictionary<string, Household> _households = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _townshipOf = new(StringComparer.Ordinal);
        private readonly IReadOnlySet<RosterColumn> _columns;

        public RosterMonth(IReadOnlyList<RosterRecord> rows, string homeCounty)
        {
            _columns = MonthSources.ColumnsOf(rows);
            foreach (var row in rows)
            {
                if (!CountyCodes.IsIn(row.CountyCode, homeCounty))
                {
                    continue;
                }
                var id = row.HouseholdId.Trim();
                if (!_households.TryGetValue(id, out var household))
                {
                    _households.Add(id, household = new Household());
                }
                household.CheckOn = Latest(household.CheckOn, row.LastCheckOn);
                household.VisitOn = Latest(household.VisitOn, row.LastVisitOn);
                if (row.IsEnrolled)
                {
                    var person = Person(row);
                    Enrolled.Add((row, person));
                    _townshipOf.TryAdd(person, row.Township.Trim());
                }
            }
        }

        /// <summary>Enrolled home-county rows with their person, in roster order.</summary>
        public List<(RosterRecord Row, string Person)> Enrolled { get; } = [];

        public bool Has(RosterColumn column) => _columns.Contains(column);

        public CellCount? Lacks(params RosterColumn[] columns)
        {
            var missing = columns.Where(c => !Has(c)).Select(Source).ToArray();
            return missing.Length == 0 ? null : CellCount.Lacking(missing);
        }

        /// <summary>The township of the person's first enrolled home row; null when not enrolled here.</summary>
        public string? TownshipOf(string person) => _townshipOf.GetValueOrDefault(person);

        /// <summary>Distinct enrolled persons whose row and household pass <paramref name="test"/> (and <paramref name="person"/>).</summary>
        public CellCount Count(Func<RosterRecord, Household, bool> test, Func<string, bool>? person = null)
        {
            var tally = new PersonTally();
            foreach (var (row, key) in Enrolled)
            {
                if (test(row, _households[row.HouseholdId.Trim()]) && (person is null || person(key)))
                {
                    tally.Add(row.Township, key);
                }
            }
            return new CellCount(tally, []);
        }

        private static StatisticsSource Source(RosterColumn column) => column switch
        {
            RosterColumn.EnrolledOn => StatisticsSource.RosterEnrolledOn,
            RosterColumn.SupportMode => StatisticsSource.RosterSupportMode,
            RosterColumn.LastCheckOn => StatisticsSource.RosterLastCheckOn,
            RosterColumn.LastVisitOn => StatisticsSource.RosterLastVisitOn,
            _ => StatisticsSource.Roster,
        };

        private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x > y ? x : y) : a ?? b;

        /// <summary>The person: the normalised ID, else (invalid or missing ID) the household and name as read.</summary>
        private static string Person(RosterRecord row) => row.Id.Id is { } id ? id.ToString() : "?" + row.HouseholdId.Trim() + "|" + row.Name.Trim();
    }

    /// <summary>A household's latest last_check_on and last_visit_on over its member rows (docs/sources.md).</summary>
    private sealed class Household
    {
        public DateOnly? CheckOn { get; set; }
        public DateOnly? VisitOn { get; set; }
    }
}
