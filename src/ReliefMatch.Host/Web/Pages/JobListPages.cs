using System.Globalization;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
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
        county.MapPost("/samples/review", ReviewAsync);
        county.MapGet("/due-lists", DueListsAsync);
        county.MapGet("/due-lists/{kind}/{key}.{extension}", DueListFileAsync);
    }

    private static Task<IResult> SamplesAsync(HttpContext context, SampleDrawStore samples) => SamplePageAsync(context, samples, Markup.Empty);

    private static async Task<IResult> SamplePageAsync(HttpContext context, SampleDrawStore samples, Markup notice, int status = StatusCodes.Status200OK)
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
            <tr><td>{d.Township}</td><td class="n">{i + 1}</td><td>{h.Village}</td><td>{h.HouseholdId}</td><td>{h.HeadName}</td><td>{PageInput.Id(h.HeadIdNumber, false)}</td><td>{FindingText.Date(h.ApprovedOn)}</td><td class="n">{h.Members}</td>
            {ReviewCells(context, period, d, h.HouseholdId)}</tr>
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
            <p class="muted">逐户登记线上核查结果（符合条件 / 不符合条件，可附说明），每次登记记入审计日志。某乡镇的抽样若在当月花名册到达前抽取，且尚未登记任何结果，花名册到达后将按当月花名册重新抽取。</p>
            {notice}
            <table id="sample"><thead><tr><th>乡镇</th><th>序号</th><th>村</th><th>家庭编号</th><th>户主</th><th>户主身份证号</th><th>纳入日期</th><th>人数</th><th>核查结果</th><th>说明</th><th>登记</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            """);
        return PageResults.Page(context, "低保新增线上核查抽样", content, status);
    }

    /// <summary>A sampled household's review: the result and note as recorded (or empty), who and when, and a form to record it.</summary>
    private static Markup ReviewCells(HttpContext context, ReportingMonth period, StoredSampleDraw draw, string householdId)
    {
        var review = draw.Reviews.GetValueOrDefault(householdId);
        var formId = $"review-{draw.Id.ToString(CultureInfo.InvariantCulture)}-{householdId}";
        var options = Enum.GetValues<SampleReviewResult>()
            .Select(r => Of($"""<option value="{r.Id()}"{Raw(review?.Result == r ? " selected" : "")}>{r.Chinese()}</option>"""));
        var recorded = review is null ? Markup.Empty : Of($"""{review.By}<br>{WorkplaceClock.Text(review.At)}""");
        return Of($"""
            <td><select name="result" id="{formId}-result" form="{formId}" required><option value="">请选择</option>{options}</select></td>
            <td><input type="text" name="note" id="{formId}-note" form="{formId}" maxlength="500" value="{review?.Note}"></td>
            <td>{recorded}</td>
            <td><form method="post" id="{formId}" action="/county/samples/review?period={period.ToString()}">{Layout.AntiforgeryField(context)}
            <input type="hidden" name="draw" value="{draw.Id.ToString(CultureInfo.InvariantCulture)}"><input type="hidden" name="household" value="{householdId}">
            <button type="submit" id="{formId}-save">保存</button></form></td>
            """);
    }

    /// <summary>
    /// The county's 核查结果 of one sampled household: stored with the note, who and when, audited, and the month's
    /// sample shown again (400 with the reason when the result or the household is not one of the draw's).
    /// </summary>
    private static async Task<IResult> ReviewAsync(HttpContext context, SampleDrawStore samples)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var household = form["household"].ToString();
        var note = form["note"].ToString().Trim();
        var result = Enum.GetValues<SampleReviewResult>().Cast<SampleReviewResult?>().FirstOrDefault(r => r!.Value.Id() == form["result"].ToString());
        if (!long.TryParse(form["draw"], NumberStyles.None, CultureInfo.InvariantCulture, out var drawId) || result is null)
        {
            return await SamplePageAsync(context, samples, Of($"""<p class="msg warn" id="review-problem">未登记：请选择核查结果（符合条件或不符合条件）。</p>"""), StatusCodes.Status400BadRequest);
        }
        if (!await samples.ReviewAsync(drawId, household, result.Value, note, context.User.Name(), context.RequestAborted))
        {
            return await SamplePageAsync(context, samples, Of($"""<p class="msg warn" id="review-problem">未登记：抽样中没有家庭编号 {household}。</p>"""), StatusCodes.Status400BadRequest);
        }
        await WorkplaceAudit.WriteAsync(context, AuditActions.ReviewSample, $"抽样 {context.Request.Query["period"]} 家庭 {household}：{result.Value.Chinese()}{(note.Length > 0 ? "（" + note + "）" : "")}", 1);
        return await SamplePageAsync(context, samples, Of($"""<p class="msg good" id="review-saved">已登记 家庭 {household}：{result.Value.Chinese()}</p>"""));
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
