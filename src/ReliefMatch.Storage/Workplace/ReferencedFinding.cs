using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A finding found by its 预警编号 (<see cref="Finding.Reference"/>), as a returned worklist names it: enough
/// to decide whether the township may dispose of it and whether the disposition changes anything.
/// </summary>
public sealed record ReferencedFinding(string Reference, string Key, string Township, FindingStatus Status)
{
    public string? DispositionReason { get; init; }
    public string? CheckedBy { get; init; }
    public DateOnly? CheckedOn { get; init; }
    /// <summary>The month it was first raised in: a 核查日期 before that month is refused.</summary>
    public ReportingMonth FirstSeen { get; init; }
    /// <summary>The latest month that produced it.</summary>
    public ReportingMonth LastSeen { get; init; }
    /// <summary>For a confirmed or dismissed finding, the month whose worklist the outcome answered.</summary>
    public ReportingMonth? AnsweredIn { get; init; }
    /// <summary>姓名, 身份证号 (full: masked wherever it is shown or kept) and the rule, for the return report.</summary>
    public string Name { get; init; } = "";
    public string IdNumber { get; init; } = "";
    public string RuleId { get; init; } = "";

    /// <summary>
    /// A confirmation that a later month's run has outgrown (属实未处置): giving 属实 again answers the later month,
    /// so it is a change, not a repeat.
    /// </summary>
    public bool IsEscalated => Status == FindingStatus.Confirmed && AnsweredIn is { } answeredIn && answeredIn < LastSeen;
}
