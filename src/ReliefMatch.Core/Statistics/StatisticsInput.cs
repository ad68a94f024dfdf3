using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Statistics;

/// <summary>
/// What the 统计表 of a month is counted from, filled by the host from what the run loaded. Every source is
/// optional: a source left null (no roster snapshot, no previous snapshot) leaves the cells it feeds blank rather
/// than 0. A new source slots in as a further property and the cells it feeds.
/// </summary>
public sealed record StatisticsInput
{
    public required ReportingMonth Period { get; init; }
    /// <summary>The townships of the home county: each gets its figures, even when all are 0 or blank.</summary>
    public required IReadOnlyList<string> HomeTownships { get; init; }
    /// <summary>The installation's county code: only its roster rows are counted.</summary>
    public required string HomeCountyCode { get; init; }
    /// <summary>Every finding of the run with the month it was first raised.</summary>
    public required IReadOnlyList<RunFinding> Findings { get; init; }
    /// <summary>The rules that ran this month (enabled and not skipped for a missing input); a tag of a rule that did not run is blank.</summary>
    public IReadOnlySet<string>? RulesRun { get; init; }
    /// <summary>The roster snapshot for the month; null when there is none.</summary>
    public IReadOnlyList<RosterRecord>? Roster { get; init; }
    /// <summary>The roster snapshot before it (the latest of an earlier period); null when there is none.</summary>
    public IReadOnlyList<RosterRecord>? PreviousRoster { get; init; }
    /// <summary>The monitoring snapshot for the month; null when there is none.</summary>
    public IReadOnlyList<MonitoringRecord>? Monitoring { get; init; }
    /// <summary>The monitoring snapshot before it; null when there is none.</summary>
    public IReadOnlyList<MonitoringRecord>? PreviousMonitoring { get; init; }
    /// <summary>Findings with a 核查日期, of any month.</summary>
    public IReadOnlyList<CheckedFinding> Checked { get; init; } = [];
    /// <summary>What each township entered for the month, by township.</summary>
    public IReadOnlyDictionary<string, TownshipEntries> Entries { get; init; } = new Dictionary<string, TownshipEntries>(StringComparer.Ordinal);
}
