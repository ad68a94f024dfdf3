using System.Globalization;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// What the scheduled jobs produce for the county: the monthly 50% samples of new 低保 households for online review,
/// and the economic re-check due lists, each viewable and downloadable (every download audited).
/// </summary>
public static class JobListPages
{
    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/samples", SamplesAsync);
        county.MapGet("/samples/{period}.{extension}", SampleFileAsync);
        county.MapGet("/due-lists", DueListsAsync);
        county.MapGet("/due-lists/{kind}/{key}.{extension}", DueListFileAsync);
    }

    private static async Task<IResult> SamplesAsync(HttpContext context, SampleDrawStore samples)
    {
        var periods = await samples.ListPeriodsAsync(context.RequestAborted);
        if (periods.Count == 0)
        {
            return PageResults.Page(context, "低保新增线上核查抽样", Of($"""<p class="muted">还没有抽样。每月1日 03:00 对上月各乡镇新审核认定的低保家庭抽取不少于50%。</p>"""));
        }
        var period = ReportingMonth.TryParse(context.Request.Query["period"], out var asked) && periods.Contains(asked) ? asked : periods.Max();
        var draws = await samples.ListAsync(period, context.RequestAborted);
        var options = periods.OrderDescending().Select(p => Of($"""<a href="/county/samples?period={p.ToString()}">{p.ToString()}</a> """));
        var rows = draws.SelectMany(d => d.Selected.Select((h, i) => Of($"""
            <tr><td>{d.Township}</td><td class="n">{i + 1}</td><td>{h.Village}</td><td>{h.HouseholdId}</td><td>{h.HeadName}</td><td>{PageInput.Id(h.HeadIdNumber, false)}</td><td>{FindingText.Date(h.ApprovedOn)}</td><td class="n">{h.Members}</td></tr>
            """)));
        var summary = draws.Select(d => Of($"""
            <tr data-township="{d.Township}"><td>{d.Township}</td><td class="n">{d.Candidates}</td><td class="n">{d.Selected.Count}</td><td class="n">{d.Seed.ToString(CultureInfo.InvariantCulture)}</td></tr>
            """));
        var p = period.ToString();
        var content = Of($"""
            <p>月份：{options}</p>
            <h2>{FindingText.ChineseMonth(period)} 新审核认定低保家庭线上核查抽样</h2>
            <table id="sample-summary"><thead><tr><th>乡镇</th><th>新增户数</th><th>抽取户数</th><th>随机种子</th></tr></thead><tbody>{summary}</tbody></table>
            <p><a id="download-sample-xlsx" href="/county/samples/{p}.xlsx">下载 (XLSX)</a> · <a id="download-sample-csv" href="/county/samples/{p}.csv">下载 (CSV)</a></p>
            <table id="sample"><thead><tr><th>乡镇</th><th>序号</th><th>村</th><th>家庭编号</th><th>户主</th><th>户主身份证号</th><th>纳入日期</th><th>人数</th></tr></thead><tbody>{rows}</tbody></table>
            """);
        return PageResults.Page(context, "低保新增线上核查抽样", content);
    }

    private static async Task<IResult> SampleFileAsync(HttpContext context, string period, string extension, SampleDrawStore samples, WorkplaceSettings settings)
    {
        if (!ReportingMonth.TryParse(period, out var month) || extension is not ("xlsx" or "csv"))
        {
            return PageResults.NotFound(context);
        }
        var draws = await samples.ListAsync(month, context.RequestAborted);
        if (draws.Count == 0)
        {
            return PageResults.NotFound(context);
        }
        using var buffer = new MemoryStream();
        if (extension == "xlsx")
        {
            SampleDrawXlsxWriter.Write(buffer, month, draws, settings.Installation.CountyName);
        }
        else
        {
            SampleDrawCsvWriter.Write(buffer, draws);
        }
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadSample, $"抽样 {month}", draws.Sum(d => d.Selected.Count));
        return Results.File(buffer.ToArray(), extension == "xlsx" ? DownloadNames.XlsxContentType : DownloadNames.CsvContentType, DownloadNames.SampleDraw(month, "." + extension));
    }

    private static async Task<IResult> DueListsAsync(HttpContext context, DueListStore dueLists)
    {
        var lists = await dueLists.ListAsync(null, context.RequestAborted);
        if (lists.Count == 0)
        {
            return PageResults.Page(context, "经济状况核对名单", Of($"""<p class="muted">还没有名单。1月1日、7月1日生成核对到期名单；每月1日生成上月末逾期名单。</p>"""));
        }
        var rows = lists.Select(l => Of($"""
            <tr><td>{l.Kind.Chinese()}</td><td>{l.Key.ToString()}</td><td>{FindingText.Date(l.AsOf)}</td><td class="n">{l.Households}</td><td class="n">{l.Overdue}</td>
            <td><a href="/county/due-lists/{l.Kind.Id()}/{l.Key.ToString()}.xlsx">XLSX</a> · <a href="/county/due-lists/{l.Kind.Id()}/{l.Key.ToString()}.csv">CSV</a></td></tr>
            """));
        var content = Of($"""
            <table id="due-lists"><thead><tr><th>名单</th><th>月份</th><th>判断日期</th><th>户数</th><th>逾期户数</th><th>下载</th></tr></thead><tbody>{rows}</tbody></table>
            """);
        return PageResults.Page(context, "经济状况核对名单", content);
    }

    private static async Task<IResult> DueListFileAsync(HttpContext context, string kind, string key, string extension, DueListStore dueLists, WorkplaceSettings settings)
    {
        if (!DueListKinds.TryParse(kind, out var listKind) || !ReportingMonth.TryParse(key, out var month) || extension is not ("xlsx" or "csv"))
        {
            return PageResults.NotFound(context);
        }
        var list = await dueLists.GetAsync(listKind, month, context.RequestAborted);
        if (list is null)
        {
            return PageResults.NotFound(context);
        }
        using var buffer = new MemoryStream();
        if (extension == "xlsx")
        {
            DueListXlsxWriter.Write(buffer, list, settings.Installation.CountyName);
        }
        else
        {
            DueListCsvWriter.Write(buffer, list);
        }
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadDueList, $"{listKind.Chinese()} {month}", list.Items.Count);
        return Results.File(buffer.ToArray(), extension == "xlsx" ? DownloadNames.XlsxContentType : DownloadNames.CsvContentType, DownloadNames.DueList(listKind, month, "." + extension));
    }
}
