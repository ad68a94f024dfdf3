using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>Pieces that several pages show the same way.</summary>
public static class Fragments
{
    /// <summary>A month chooser (a GET form) over the known months, the chosen one selected.</summary>
    public static Markup MonthForm(string action, ReportingMonth period, IReadOnlyList<ReportingMonth> known)
    {
        var months = known.Contains(period) ? known : [period, .. known];
        var options = months.Select(m => Of($"""<option value="{m.ToString()}"{Raw(m == period ? " selected" : "")}>{FindingText.ChineseMonth(m)}</option>"""));
        return Of($"""<form method="get" action="{action}" class="box"><label>月份 <select name="period" id="period">{options}</select></label><button type="submit">查看</button></form>""");
    }

    /// <summary>The counts of a township's month, each in an element with an id (<c>count-open</c>, …).</summary>
    public static Markup Counts(TownshipProgress p) => Of($"""
        <div class="box counts">
        <span>预警 <b id="count-total">{p.Total}</b></span>
        <span>待核查 <b id="count-open">{p.Open}</b></span>
        <span>属实 <b id="count-confirmed" class="ok">{p.Confirmed}</b></span>
        <span>不属实 <b id="count-dismissed">{p.Dismissed}</b></span>
        <span>已关闭 <b id="count-closed" class="muted">{p.Closed}</b></span>
        <span>逾期未核查 <b id="count-overdue" class="warn">{p.Overdue}</b></span>
        </div>
        """);

    /// <summary>
    /// A table of findings: IDs masked, in their column and in the texts that may quote one (证据, 处置情况 as the
    /// township wrote it), unless <paramref name="fullIds"/>; overdue rows marked. A finding concerning payments after a
    /// death says the money to recover under its evidence: from <paramref name="overpayments"/> (by key: the month's, a
    /// death finding paired with the person's paid-after-death one) when given, else what its own evidence states. The
    /// findings of one month's run (<paramref name="period"/> given) say the version of the rule that raised them that
    /// month, and link to their page as viewed for it.
    /// </summary>
    public static Markup FindingTable(IEnumerable<WorkplaceFinding> findings, bool fullIds, DateOnly today, bool showTownship,
        IReadOnlyDictionary<string, Overpayment>? overpayments = null, ReportingMonth? period = null)
    {
        var rows = findings.Select(f =>
        {
            var overpayment = overpayments is null ? Overpayment.StatedBy(f.Finding) : overpayments.GetValueOrDefault(f.Finding.Key);
            var recover = overpayment is null ? Markup.Empty : Of($"""<br><span class="recover warn">{overpayment.Note(f.Status)}</span>""");
            var run = f.ToRunFinding();
            var overdue = TownshipProgress.IsOverdue(f, today);
            var township = showTownship ? Of($"<td>{f.Finding.Township}</td>") : Markup.Empty;
            return Of($"""
                <tr{Raw(overdue ? " class=\"overdue\"" : "")} data-reference="{f.Finding.Reference}">{township}<td>{f.Finding.Village}</td><td>{f.Finding.Name}</td><td>{PageInput.Id(f.Finding.IdNumber, fullIds)}</td>
                <td>{FindingText.Programmes(f.Finding)}</td><td>{FindingText.Warning(f.Finding)}{(period is null ? Markup.Empty : Of($"""<br><span class="muted rule-version" data-version="{f.Finding.RuleVersion}">第 {f.Finding.RuleVersion} 版</span>"""))}</td><td class="wrap">{FindingText.Evidence(f.Finding, fullIds)}{recover}</td>
                <td>{f.FirstSeen.ToString()}</td><td>{FindingText.Date(run.DueDate)}{Raw(overdue ? "<br><span class=\"warn\">已逾期</span>" : "")}</td>
                <td>{f.Status.Chinese()}</td><td class="wrap">{(fullIds ? f.DispositionReason : IdText.MaskIds(f.DispositionReason))}</td><td>{f.CheckedBy}</td><td>{(f.CheckedOn is { } d ? FindingText.Date(d) : "")}</td><td><a href="{Links.Finding(f.Finding.Reference, period: period)}">{f.Finding.Reference}</a></td></tr>
                """);
        }).ToList();
        if (rows.Count == 0)
        {
            return Of($"""<p class="muted">没有预警。</p>""");
        }
        var townshipHeader = showTownship ? Raw("<th>乡镇</th>") : Markup.Empty;
        return Of($"""
            <table id="findings"><thead><tr>{townshipHeader}<th>村</th><th>姓名</th><th>身份证号</th><th>救助类别</th><th>预警类型</th><th>证据</th>
            <th>首次预警</th><th>核查时限</th><th>状态</th><th>处置情况</th><th>核查人</th><th>核查日期</th><th>预警编号</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """);
    }
}
