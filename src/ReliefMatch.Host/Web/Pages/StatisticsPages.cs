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
    }

    private static async Task<IResult> PageAsync(HttpContext context, WorklistService worklists)
    {
        var (period, known) = await PageInput.PeriodAsync(context);
        var report = (await worklists.StatisticsAsync(period, context.RequestAborted)).DataWarning;
        static Markup Row(string name, DataWarningCounts c, string tag) => Of($"""
            <{tag} data-township="{name}"><td>{name}</td><td class="n">{c.Total}</td><td class="n">{c.Dibao}</td><td class="n">{c.Tekun}</td><td class="n">{c.Edge}</td><td class="n">{c.Expenditure}</td></{tag}>
            """);
        var rows = report.Townships.OrderBy(t => t.Township, StringComparer.Ordinal).Select(t => Row(t.Township, t.Counts, "tr"));
        var content = Of($"""
            {Fragments.MonthForm(Links.Statistics(), period, known)}
            <h2>{FindingText.ChineseMonth(period)} 精准排查数据预警情况</h2>
            <p class="muted">当月首次标记的人数（不累计）；一人同属两类时各计一次，合计只计一次。</p>
            <table id="statistics"><thead><tr><th>乡镇</th><th>数据预警标记人数</th><th>其中：低保标记</th><th>特困标记</th><th>低保边缘户</th><th>支出型困难家庭</th></tr></thead>
            <tbody>{rows}</tbody><tfoot>{Raw(Row("全县", report.County, "tr").Value.Replace("<td>全县</td>", "<th>全县</th>", StringComparison.Ordinal))}</tfoot></table>
            <p><a id="download-statistics" href="{Links.StatisticsFile(period)}">下载统计表 (XLSX)</a></p>
            """);
        return PageResults.Page(context, "统计表", content);
    }

    private static async Task<IResult> FileAsync(HttpContext context, string period, WorklistService worklists, WorkplaceSettings settings)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        var report = await worklists.StatisticsAsync(month, context.RequestAborted);
        using var buffer = new MemoryStream();
        StatisticsSheetWriter.Write(buffer, report, settings.Installation.CountyName);
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadStatistics, $"统计表 {month}", report.Townships.Count);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"统计表-{month}.xlsx");
    }
}
