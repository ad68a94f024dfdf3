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

    /// <summary>What the township recorded about it, when anything (worklists print it back).</summary>
    public Verification? Verification { get; init; }

    /// <summary>
    /// 属实未处置: the finding was confirmed (属实) on the worklist of an earlier month than <paramref name="period"/>,
    /// and the run of <paramref name="period"/> still produces it (the person is still enrolled). It comes back on
    /// that month's worklist as an escalation, with the first confirmation, instead of as a blank row or as a
    /// settled 属实. A confirmation with no recorded month (none can be told) is not escalated.
    /// </summary>
    public bool IsEscalatedIn(ReportingMonth period) =>
        Status == FindingStatus.Confirmed && Verification?.AnsweredIn is { } answeredIn && answeredIn < period;

    /// <summary>
    /// Whether the finding is on the worklist of <paramref name="period"/>: every finding that month's run produced,
    /// except one dismissed (不属实) on an earlier month's worklist, which stays quiet until its evidence changes. One
    /// dismissed on this month's worklist (or a later one) stays on it, with its 不属实, so a worklist downloaded again
    /// shows what was recorded.
    /// </summary>
    public bool IsOnWorklistOf(ReportingMonth period) =>
        Status != FindingStatus.Dismissed || Verification?.AnsweredIn is { } answeredIn && answeredIn >= period;
}
