using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// A finding of a run as the database now knows it: since when it is raised (<see cref="FirstSeen"/>: the
/// 数据预警 counts take the findings first raised in the run's month) and where it stands. A
/// <see cref="FindingStatus.Dismissed"/> finding is left off worklists.
/// </summary>
public sealed record StoredFinding(Finding Finding, ReportingMonth FirstSeen, ReportingMonth LastSeen, FindingStatus Status)
{
    /// <summary>The reason given with the disposition (confirmation or dismissal), if any.</summary>
    public string? DispositionReason { get; init; }

    /// <summary>What the township recorded (null while the finding is open): the run's worklists print it back.</summary>
    public Verification? Verification { get; init; }

    /// <summary>Whether the finding is first raised in <paramref name="period"/> (new, or re-opened because its evidence changed).</summary>
    public bool FirstRaisedIn(ReportingMonth period) => FirstSeen == period;
}
