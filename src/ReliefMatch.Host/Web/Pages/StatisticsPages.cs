using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The 统计表 of a month: the 数据预警 numbers per township and for the county on the page, and the workbook the
/// monthly run writes, generated on demand from the stored findings.
/// </summary>
public static class StatisticsPages
{
    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/statistics", PageAsync);
        county.MapGet("/statistics/{period}.xlsx", FileAsync);
        county.MapGet("/statistics/{period}.json", JsonAsync);
    }

    private static async Task<IResult> PageAsync(HttpContext context, WorklistService worklists)
    {
        var (period, known) = await PageInput.PeriodAsync(context);
        var (statistics, published) = await worklists.SheetAsync(period, context.RequestAborted);
        var report = statistics.DataWarning;
        var state = published is null
            ? Of($"""<p class="muted" id="sheet-state">本月统计表尚未上报，数字随比对运行和乡镇填报更新。<a href="{Links.Month(period)}">到月份页上报</a></p>""")
            : Of($"""<p class="ok" id="sheet-state">本月统计表已于 {WorkplaceClock.Text(published.PublishedAt)} 上报（第 {published.Version} 版，{published.PublishedBy}），以下为上报的数字，不再变动。之后运行的结果见<a href="{Links.Month(period)}">月份页</a>的对照。</p>""");
        static Markup Row(string name, DataWarningCounts c, string tag) => Of($"""
            <{tag} data-township="{name}"><td>{name}</td><td class="n">{c.Total}</td><td class="n">{c.Dibao}</td><td class="n">{c.Tekun}</td><td class="n">{c.Edge}</td><td class="n">{c.Expenditure}</td></{tag}>
            """);
        var rows = report.Townships.OrderBy(t => t.Township, StringComparer.Ordinal).Select(t => Row(t.Township, t.Counts, "tr"));
        var content = Of($"""
            {Fragments.MonthForm(Links.Statistics(), period, known)}
            {state}
            <h2>{FindingText.ChineseMonth(period)} 精准排查数据预警情况</h2>
            <p class="muted">当月首次标记的人数（不累计）；一人同属两类时各计一次，合计只计一次。</p>
            <table id="statistics"><thead><tr><th>乡镇</th><th>数据预警标记人数</th><th>其中：低保标记</th><th>特困标记</th><th>低保边缘户</th><th>支出型困难家庭</th></tr></thead>
            <tbody>{rows}</tbody><tfoot>{Raw(Row("全县", report.County, "tr").Value.Replace("<td>全县</td>", "<th>全县</th>", StringComparison.Ordinal))}</tfoot></table>
            <p><a id="download-statistics" href="{Links.StatisticsFile(period)}">下载统计表 (XLSX)</a> · <a id="download-statistics-json" href="{Links.StatisticsJson(period)}">stats.json</a></p>
            {Cells(statistics)}
            """);
        return PageResults.Page(context, "统计表", content);
    }

    /// <summary>
    /// Every other cell of the 统计表, a row per cell and a column per township and the county; a blank cell is one the
    /// month has no source for, and the list below names the source that would fill it.
    /// </summary>
    private static Markup Cells(MonthStatistics statistics)
    {
        var units = statistics.Townships.Select(t => (Name: t.Township, Figures: t.Figures)).Append((Name: "全县", Figures: statistics.County)).ToList();
        var head = units.Select(u => Of($"<th>{u.Name}</th>"));
        Markup Cell(SheetCell cell, UnitStatistics unit) => Of($"""<td class="n">{Figure(cell, unit)}</td>""");
        var rows = SheetCells.Tags.Concat(SheetCells.Duties).Select(cell => Of($"""
            <tr data-cell="{cell.Path}"><td class="wrap">{cell.Words}</td>{units.Select(u => Cell(cell, u.Figures))}</tr>
            """));
        var missing = statistics.Missing.Select(m => Of($"""<li data-cell="{m.Cell.Path}">{m.Cell.Words}：{string.Join("；", m.Sources.Select(x => x.Chinese()))}</li>"""));
        return Of($"""
            <h2>{FindingText.ChineseMonth(statistics.Period)} 统计表其他各项</h2>
            <p class="muted">按人计数（注明“件”“次”“个”的除外）；全县为不重复人数，乡镇填报的数字为各乡镇之和。空白为本月缺少数据来源。</p>
            <div class="wide"><table id="statistics-cells"><thead><tr><th>项目</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>
            <h3>空白项及所需数据</h3><ul id="statistics-missing">{missing}</ul>
            """);
    }

    /// <summary>A cell's figure as the pages show it: blank for no source, the meeting as a day of the month.</summary>
    public static string Figure(SheetCell cell, UnitStatistics unit)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(unit);
        return cell.Key == SheetCells.MeetingOn
            ? unit.MeetingOn?.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture) ?? ""
            : (cell.Group == SheetCell.Tags ? unit.Tag(cell.Key) : unit.Duty(cell.Key))?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>stats.json of a month: the published text itself when published, else counted now.</summary>
    private static async Task<IResult> JsonAsync(HttpContext context, string period, WorklistService worklists)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        var (statistics, published) = await worklists.SheetAsync(month, context.RequestAborted);
        var text = published?.Sheet ?? StatsJsonReader.Text(statistics);
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadStatistics, $"stats.json {month}" + (published is null ? "" : $" 第{published.Version}版"), statistics.Townships.Count);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "application/json; charset=utf-8", $"stats-{month}.json");
    }

    private static async Task<IResult> FileAsync(HttpContext context, string period, WorklistService worklists, WorkplaceSettings settings)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        var (report, _) = await worklists.SheetAsync(month, context.RequestAborted);
        using var buffer = new MemoryStream();
        StatisticsSheetWriter.Write(buffer, report, settings.Installation.CountyName);
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadStatistics, $"统计表 {month}", report.Townships.Count);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"统计表-{month}.xlsx");
    }
}
