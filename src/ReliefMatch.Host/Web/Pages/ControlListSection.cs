using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Accuracy;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The township page's 对照抽查名单: the month's control list (people the rules did not flag, drawn at random), its XLSX
/// download, and one small form per person for 核查结果 (有问题 / 无问题), 处置情况, 核查人 and 核查日期, posted to the same
/// endpoint as the worklist's outcomes (<see cref="OutcomeForm"/>) and checked the same way. IDs masked 6+4.
/// </summary>
public static class ControlListSection
{
    public static Markup Render(HttpContext context, string township, ReportingMonth period, StoredControlDraw? draw, DateOnly today)
    {
        if (draw is null)
        {
            return Of($"""
                <div class="box" id="control-list"><h2>{FindingText.ChineseMonth(period)}对照抽查名单</h2>
                <p class="muted">本月还没有对照抽查名单（每月比对运行后抽取）。</p></div>
                """);
        }
        var answered = draw.Items.Count(i => i.Answer is not null);
        var rows = draw.Items.Select(item => Row(context, township, period, item, today));
        var table = draw.Items.Count == 0
            ? Of($"""<p class="muted">本乡镇本月没有可抽取的人员。</p>""")
            : Of($"""
                <table id="control-rows"><thead><tr><th>序号</th><th>村</th><th>姓名</th><th>身份证号</th><th>救助类别</th><th>当前</th>
                <th>核查结果</th><th>处置情况</th><th>核查人</th><th>核查日期</th><th></th></tr></thead><tbody>{rows}</tbody></table>
                """);
        return Of($"""
            <div class="box" id="control-list"><h2>{FindingText.ChineseMonth(period)}对照抽查名单</h2>
            <p>从本乡镇在册、但本月没有任何预警的人员中随机抽取 {draw.Items.Count} 人（共 {draw.Candidates} 人可抽），用于测量比对的漏报。请像核查预警一样逐人核查，
            核查结果填“{ControlResultText.ProblemText}”或“{ControlResultText.NoProblemText}”；有问题的须在处置情况中写明。已登记 <b id="control-answered">{answered}</b> 人。</p>
            <p><a id="control-xlsx" href="{Links.ControlList(township, period)}">下载对照抽查名单 (XLSX)</a>（填好后用上方的上传按钮上传，与核查清单相同）</p>
            {table}</div>
            """);
    }

    private static Markup Row(HttpContext context, string township, ReportingMonth period, StoredControlItem item, DateOnly today)
    {
        var reference = item.Reference;
        var formId = "outcome-" + reference;
        var a = item.Answer;
        var options = new[] { "", ControlResultText.ProblemText, ControlResultText.NoProblemText }
            .Select(o => Of($"""<option value="{o}"{Raw(o.Length > 0 && o == a?.Result.Chinese() ? " selected" : "")}>{(o.Length == 0 ? "请选择" : o)}</option>"""));
        return Of($"""
            <tr data-reference="{reference}"><td class="n">{item.Rank}</td><td>{item.Village}</td><td>{item.Name}</td><td>{PageInput.Id(item.IdNumber, false)}</td>
            <td>{item.Programmes}</td><td id="current-{reference}">{a?.Result.Chinese() ?? "待核查"}</td>
            <td><select name="{OutcomeForm.ResultField}" id="result-{reference}" form="{formId}" required>{options}</select></td>
            <td><input type="text" name="{OutcomeForm.RemarksField}" id="remarks-{reference}" form="{formId}" maxlength="500" value="{(a is null ? "" : PageInput.Value(a.Remarks, false))}"></td>
            <td><input type="text" name="{OutcomeForm.CheckedByField}" id="checked-by-{reference}" form="{formId}" maxlength="50" size="6" value="{a?.CheckedBy}"></td>
            <td><input type="date" name="{OutcomeForm.CheckedOnField}" id="checked-on-{reference}" form="{formId}" min="{FindingText.Date(period.First)}" max="{FindingText.Date(today)}"
              value="{(a?.CheckedOn is { } on ? FindingText.Date(on) : "")}"></td>
            <td><form method="post" id="{formId}" action="{Links.Outcomes(township, period)}">{Layout.AntiforgeryField(context)}
            <input type="hidden" name="{OutcomeForm.ReferenceField}" value="{reference}"><button type="submit" id="save-{reference}">保存</button></form></td></tr>
            """);
    }
}
