using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A stored finding as the workplace shows it: the finding (its <see cref="Finding.RuleTitle"/> is empty here,
/// the rule files give it), since when it is raised, where it stands and what the township recorded.
/// </summary>
public sealed record WorkplaceFinding(Finding Finding, ReportingMonth FirstSeen, ReportingMonth LastSeen, FindingStatus Status)
{
    /// <summary>The month from which the runs no longer produced it (status closed).</summary>
    public ReportingMonth? ClosedIn { get; init; }
    /// <summary>处置情况.</summary>
    public string? DispositionReason { get; init; }
    /// <summary>The user who recorded the disposition.</summary>
    public string? DispositionBy { get; init; }
    public DateTimeOffset? DispositionAt { get; init; }
    /// <summary>核查人.</summary>
    public string? CheckedBy { get; init; }
    /// <summary>核查日期.</summary>
    public DateOnly? CheckedOn { get; init; }

    /// <summary>For a confirmed or dismissed finding, the month whose worklist the outcome answered (<see cref="Verification.AnsweredIn"/>).</summary>
    public ReportingMonth? AnsweredIn { get; init; }
    public DateOnly? FirstConfirmedOn { get; init; }
    public string? FirstConfirmedBy { get; init; }

    /// <summary>The finding as the outputs (worklists, 统计表) take it, with what the township recorded.</summary>
    public RunFinding ToRunFinding() => new(Finding, FirstSeen, Status)
    {
        Verification = Status is FindingStatus.Confirmed or FindingStatus.Dismissed
            ? new Verification
            {
                Reason = DispositionReason,
                CheckedBy = CheckedBy,
                CheckedOn = CheckedOn,
                AnsweredIn = AnsweredIn,
                FirstConfirmedOn = FirstConfirmedOn,
                FirstConfirmedBy = FirstConfirmedBy,
            }
            : null,
    };
}
