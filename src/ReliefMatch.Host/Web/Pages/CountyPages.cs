using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The county's start page: for a month, where every township stands (open, confirmed, dismissed, closed,
/// overdue) with its worklist downloads, how the month's runs went, and each rule's precision and the control list's miss rate.
/// </summary>
public static class CountyPages
{
    public static void Map(RouteGroupBuilder county) => county.MapGet("/", OverviewAsync);

    private static async Task<IResult> OverviewAsync(HttpContext context, WorklistService worklists, RunHistory runs, TimeProvider time)
    {
        var (period, known) = await PageInput.PeriodAsync(context);
        var findings = await worklists.FindingsAsync(period, null, context.RequestAborted);
        var townships = await worklists.TownshipsAsync(period, findings, context.RequestAborted);
        var today = WorkplaceClock.Today(time);
        var byTownship = findings.ToLookup(f => f.Finding.Township, StringComparer.Ordinal);
        var progress = townships.Select(t => TownshipProgress.Of(t, byTownship[t], today)).ToList();
        var total = TownshipProgress.Of("合计", findings, today);
        var rows = progress.Select(p => Of($"""
            <tr data-township="{p.Township}"><td><a href="{Links.Township(p.Township, period)}">{p.Township}</a></td>
            <td class="n">{p.Total}</td><td class="n">{p.Open}</td><td class="n">{p.Confirmed}</td><td class="n">{p.Dismissed}</td><td class="n">{p.Closed}</td>
            <td class="n{(p.Overdue > 0 ? " warn" : "")}">{p.Overdue}</td>
            <td><a href="{Links.Worklist(p.Township, period, "xlsx")}">XLSX</a> · <a href="{Links.Worklist(p.Township, period, "csv")}">CSV</a></td></tr>
            """));
        var ofMonth = (await runs.ListAsync(200, context.RequestAborted)).Where(r => r.Period == period).Take(5).ToList();
        var runLines = ofMonth.Count == 0
            ? Of($"""<p class="muted">本月还没有比对运行。</p>""")
            : Of($"""<ul>{ofMonth.Select(r => Of($"<li>{WorkplaceClock.Text(r.StartedAt)} {RunPages.StatusText(r.Status)}：预警 {r.Findings} 条，新增 {r.NewFindings} 条</li>"))}</ul>""");
        var content = Of($"""
            {Fragments.MonthForm(Links.County(), period, known)}
            <h2>{FindingText.ChineseMonth(period)}各乡镇核查进度</h2>
            <table id="progress"><thead><tr><th>乡镇</th><th>预警</th><th>待核查</th><th>属实</th><th>不属实</th><th>已关闭</th><th>逾期未核查</th><th>核查清单</th></tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr><th>合计</th><td class="n">{total.Total}</td><td class="n">{total.Open}</td><td class="n">{total.Confirmed}</td><td class="n">{total.Dismissed}</td><td class="n">{total.Closed}</td><td class="n">{total.Overdue}</td><td></td></tr></tfoot></table>
            <p class="muted">核查时限 = 首次预警当月月底 + 规则规定的天数；逾期指过了时限仍待核查。</p>
            <h2>本月比对运行</h2>{runLines}
            {await AccuracyPages.SummaryAsync(context, period)}
            {await MonthTrends.CountyAsync(context, period, townships)}
            """);
        return PageResults.Page(context, "各乡镇核查进度", content);
    }
}
