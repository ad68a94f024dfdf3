using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// What a township recorded about a finding (on its returned worklist or on its page): 处置情况
/// (<see cref="Reason"/>), 核查人 and 核查日期, which month's worklist the outcome answered (<see cref="AnsweredIn"/>),
/// and, for a confirmed finding, who confirmed it first on which day. Worklists print it back, so that a
/// township never sees a recorded outcome as a blank row.
/// </summary>
public sealed record Verification
{
    /// <summary>处置情况 as the township wrote it.</summary>
    public string? Reason { get; init; }
    /// <summary>核查人.</summary>
    public string? CheckedBy { get; init; }
    /// <summary>核查日期.</summary>
    public DateOnly? CheckedOn { get; init; }

    /// <summary>
    /// The latest month whose run had produced the finding when its 属实 or 不属实 was recorded (the month whose
    /// worklist the outcome answered).
    /// </summary>
    public ReportingMonth? AnsweredIn { get; init; }
    /// <summary>The day of the first 属实 since the finding was last opened: its 核查日期, or the day it was recorded.</summary>
    public DateOnly? FirstConfirmedOn { get; init; }
    /// <summary>Who gave the first 属实: its 核查人, or the user who recorded it.</summary>
    public string? FirstConfirmedBy { get; init; }
}
