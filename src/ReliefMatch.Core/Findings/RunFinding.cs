using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// A finding as a monthly run reports it: the rule's flag together with what storage knows of it, the month
/// it was first raised (<see cref="FirstSeen"/>) and its disposition. The 数据预警 counts take only findings
/// first raised in the reporting month; the worklists leave dismissed ones off.
/// </summary>
public sealed record RunFinding(Finding Finding, ReportingMonth FirstSeen, FindingStatus Status = FindingStatus.Open)
{
    /// <summary>
    /// 核查时限: the end of the month the finding was first raised in plus the rule's due days. It does not move
    /// with later months' worklists: a finding still open from an earlier month is overdue from its own date.
    /// </summary>
    public DateOnly DueDate => FirstSeen.Last.AddDays(Finding.DueDays);
}
