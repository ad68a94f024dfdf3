using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The township's worklist on its page: one small form per row of the month's worklist (open, answered this month, or 属实未处置),
/// for 核查结果 (属实 / 不属实), 处置情况, 核查人 and 核查日期 (a date picker, not after today nor before the finding's
/// month). A row is saved on its own and goes through the same checks as the row of a returned file
/// (<see cref="WorklistReturnService.RecordAsync"/>). No script: each row's inputs belong to its form by the
/// <c>form</c> attribute.
/// </summary>
public static class OutcomeForm
{
    public const string ReferenceField = "reference";
    public const string ResultField = "result";
    public const string RemarksField = "remarks";
    public const string CheckedByField = "checked_by";
    public const string CheckedOnField = "checked_on";

    /// <summary>The row the form posts, read from its fields (the row number is 0: it is no file's line).</summary>
    public static ReturnedRow Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Field(string name) => form[name].ToString().Trim();
        return new ReturnedRow(0, Field(ReferenceField), Field(ResultField), Field(RemarksField), Field(CheckedByField), Field(CheckedOnField));
    }

    /// <param name="notice">What became of the last save (or why it was refused), shown above the rows.</param>
    public static Markup Render(HttpContext context, string township, ReportingMonth period, IEnumerable<WorkplaceFinding> findings, DateOnly today, Markup notice)
    {
        var rows = findings
            .Select(f => (Finding: f, Run: f.ToRunFinding()))
            .Where(f => f.Finding.Status != FindingStatus.Closed && f.Run.IsOnWorklistOf(period))
            .OrderBy(f => f.Run.DueDate)
            .ThenBy(f => f.Finding.Finding.Village, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Finding.Name, StringComparer.Ordinal)
            .Select(f => Row(context, township, period, f.Finding, f.Run, today))
            .ToList();
        var table = rows.Count == 0
            ? Of($"""<p class="muted">没有待登记的预警。</p>""")
            : Of($"""
                <table id="outcomes"><thead><tr><th>村</th><th>姓名</th><th>身份证号</th><th>预警类型</th><th>核查时限</th><th>当前</th>
                <th>核查结果</th><th>处置情况</th><th>核查人</th><th>核查日期</th><th></th></tr></thead><tbody>{rows}</tbody></table>
                """);
        return Of($"""
            <div class="box" id="outcome-box"><h2>逐条登记核查结果</h2>
            <p class="muted">也可在此逐条登记，与上传填写后的核查清单效果相同；每条单独保存，并记入审计日志。不属实的须在处置情况中写明理由。</p>
            {notice}{table}</div>
            """);
    }

    private static Markup Row(HttpContext context, string township, ReportingMonth period, WorkplaceFinding finding, RunFinding run, DateOnly today)
    {
        var reference = finding.Finding.Reference;
        var formId = "outcome-" + reference;
        // An escalation row starts empty (this month's check is still to be given); a settled 属实 shows what was recorded.
        var shown = WorklistOutcome.Of(run, period, fullIds: false);
        var escalated = shown.Result == WorklistOutcome.Escalated;
        var current = escalated ? Of($"""<span class="warn">{WorklistOutcome.Escalated}</span><br><span class="muted">{shown.Remarks}</span>""")
            : Of($"{finding.Status.Chinese()}");
        var value = escalated ? WorklistOutcome.None : shown;
        var options = new[] { ("", "请选择"), (WorklistReturnService.Confirmed, WorklistReturnService.Confirmed), (WorklistReturnService.Dismissed, WorklistReturnService.Dismissed) }
            .Select(o => Of($"""<option value="{o.Item1}"{Raw(o.Item1.Length > 0 && o.Item1 == value.Result ? " selected" : "")}>{o.Item2}</option>"""));
        var min = FindingText.Date(finding.FirstSeen.First);
        var max = FindingText.Date(today);
        return Of($"""
            <tr data-reference="{reference}"><td>{finding.Finding.Village}</td><td>{finding.Finding.Name}</td><td>{PageInput.Id(finding.Finding.IdNumber, false)}</td>
            <td>{FindingText.Warning(finding.Finding)}</td><td>{FindingText.Date(run.DueDate)}</td><td id="current-{reference}">{current}</td>
            <td><select name="{ResultField}" id="result-{reference}" form="{formId}" required>{options}</select></td>
            <td><input type="text" name="{RemarksField}" id="remarks-{reference}" form="{formId}" maxlength="500" value="{value.Remarks}"></td>
            <td><input type="text" name="{CheckedByField}" id="checked-by-{reference}" form="{formId}" maxlength="50" size="6" value="{value.CheckedBy}"></td>
            <td><input type="date" name="{CheckedOnField}" id="checked-on-{reference}" form="{formId}" min="{min}" max="{max}" value="{value.CheckedOn}"></td>
            <td><form method="post" id="{formId}" action="{Links.Outcomes(township, period)}">{Layout.AntiforgeryField(context)}
            <input type="hidden" name="{ReferenceField}" value="{reference}"><button type="submit" id="save-{reference}">保存</button></form></td></tr>
            """);
    }

    /// <summary>The notice after a save: what was recorded, or why not (a refusal names the row and the reason).</summary>
    public static Markup Notice(WorklistReturnRow? outcome, string? ruleTitle)
    {
        if (outcome is null)
        {
            return Markup.Empty;
        }
        var who = outcome.Name is null ? outcome.Reference : ruleTitle is null ? $"{outcome.Name}（{outcome.MaskedId}）" : $"{outcome.Name}（{outcome.MaskedId}，{ruleTitle}）";
        // A control-list row says which answer it recorded (有问题 / 无问题) rather than 属实 / 不属实.
        var recorded = outcome.RuleId is null && outcome.Reason is { } said && outcome.Outcome != ReturnOutcome.Refused ? said : outcome.Outcome.Chinese();
        return outcome.Outcome == ReturnOutcome.Refused
            ? Of($"""<p class="msg warn" id="outcome-problem">未登记 {who}：{outcome.Reason}</p>""")
            : Of($"""<p class="msg good" id="outcome-saved">{who}：{recorded}</p>""");
    }
}
