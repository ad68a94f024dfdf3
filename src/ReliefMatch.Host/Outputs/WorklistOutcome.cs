using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// The four columns a township fills in (核查结果, 处置情况, 核查人, 核查日期) as a worklist prints them back, so that a
/// worklist downloaded again, or next month's, shows what was recorded instead of a blank row.
/// </summary>
public sealed record WorklistOutcome(string Result, string Remarks, string CheckedBy, string CheckedOn)
{
    /// <summary>属实未处置: the 核查结果 of an escalation row.</summary>
    public const string Escalated = "属实未处置";

    public static WorklistOutcome None { get; } = new("", "", "", "");

    /// <summary>
    /// A finding's outcome on the worklist of <paramref name="period"/>: none while it is open (or closed); 属实 or
    /// 不属实 with its 处置情况, 核查人 and 核查日期; or, when the confirmation answered an earlier month's worklist and this month's
    /// run still produces the finding (<see cref="RunFinding.IsEscalatedIn"/>), 属实未处置 with the first confirmation
    /// in 处置情况 and 核查人/核查日期 left for this month's check. 处置情况 is masked like the evidence unless
    /// <paramref name="fullIds"/>: it is what the township typed and may quote an ID.
    /// </summary>
    public static WorklistOutcome Of(RunFinding finding, ReportingMonth period, bool fullIds)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Status is not (FindingStatus.Confirmed or FindingStatus.Dismissed) || finding.Verification is not { } v)
        {
            return None;
        }
        if (finding.IsEscalatedIn(period))
        {
            var on = v.FirstConfirmedOn is { } d ? FindingText.Date(d) : "";
            var by = string.IsNullOrEmpty(v.FirstConfirmedBy) ? "" : $"，核查人 {v.FirstConfirmedBy}";
            var remark = $"{on} 已核实属实{by}（{FindingText.ChineseMonth(v.AnsweredIn!.Value)}清单），本月仍在册，请尽快处置";
            return new WorklistOutcome(Escalated, fullIds ? remark : IdText.MaskIds(remark), "", "");
        }
        var reason = v.Reason ?? "";
        return new WorklistOutcome(finding.Status.Chinese(), fullIds ? reason : IdText.MaskIds(reason), v.CheckedBy ?? "",
            v.CheckedOn is { } checkedOn ? FindingText.Date(checkedOn) : "");
    }
}
