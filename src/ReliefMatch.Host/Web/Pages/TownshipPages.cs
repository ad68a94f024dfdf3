using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// A township's pages and files: its month (counts, findings, worklist downloads, the upload of the filled
/// worklist) and its returns. Every handler first checks that the user may see the township named in the URL
/// (the county: any; township staff: their own), and answers 403 otherwise, before reading anything.
/// </summary>
public static class TownshipPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/township", (HttpContext context) =>
            context.User.Township() is { } own ? Results.Redirect(Links.Township(own)) : Results.Redirect(Links.County()));
        app.MapGet("/townships/{township}", TownshipAsync);
        app.MapGet("/townships/{township}/worklist/{period}.xlsx", (HttpContext c, string township, string period, WorklistService s) => WorklistFileAsync(c, township, period, "xlsx", s));
        app.MapGet("/townships/{township}/worklist/{period}.csv", (HttpContext c, string township, string period, WorklistService s) => WorklistFileAsync(c, township, period, "csv", s));
        app.MapGet("/townships/{township}/control-list/{period}.xlsx", ControlListFileAsync);
        app.MapPost("/townships/{township}/returns", ReturnAsync).WithMetadata(UploadLimit.Returns);
        app.MapGet("/townships/{township}/returns/{id:long}", ReturnDetailAsync);
        app.MapPost("/townships/{township}/entries/{period}", EntriesAsync);
        app.MapPost("/townships/{township}/outcomes", OutcomeAsync);
    }

    private static async Task<IResult> TownshipAsync(HttpContext context, string township, WorklistService worklists, WorklistReturnStore returns,
        TownshipEntryStore entries, PublishedSheetStore publications, ControlListStore controls, TimeProvider time)
    {
        if (!context.User.MaySee(township) || PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        return await PageAsync(context, township, new(worklists, returns, entries, publications, controls), time, Markup.Empty);
    }

    /// <summary>
    /// One outcome entered on the page (属实 / 不属实 with 处置情况, 核查人, 核查日期): recorded as the same row of a returned
    /// worklist would be, audited, and the page shown again with what became of it (400 with the reason when refused).
    /// </summary>
    private static async Task<IResult> OutcomeAsync(HttpContext context, string township, WorklistReturnService service, RuleTitles titles,
        WorklistService worklists, WorklistReturnStore returns, TownshipEntryStore entries, PublishedSheetStore publications, ControlListStore controls, TimeProvider time)
    {
        if (!context.User.MaySee(township))
        {
            return PageResults.Forbidden(context);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var row = OutcomeForm.Read(form);
        var outcome = await service.RecordAsync(township, row, context.User.Name(), WorkplaceClock.Today(time), context.RequestAborted);
        var who = outcome.Name is null ? outcome.Reference : $"{outcome.Name} {outcome.MaskedId}";
        await WorkplaceAudit.WriteAsync(context, AuditActions.RecordOutcome,
            $"{township} {outcome.Reference} {who} {row.Result}：{outcome.Outcome.Chinese()}{(outcome.Reason is { } r ? "（" + r + "）" : "")}",
            outcome.Outcome is ReturnOutcome.Confirmed or ReturnOutcome.Dismissed ? 1 : 0);
        var notice = OutcomeForm.Notice(outcome, outcome.RuleId is { } rule ? titles.Of(rule) : null);
        return await PageAsync(context, township, new(worklists, returns, entries, publications, controls), time, notice,
            outcome.Outcome == ReturnOutcome.Refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>What the township page reads from.</summary>
    private sealed record PageStores(WorklistService Worklists, WorklistReturnStore Returns, TownshipEntryStore Entries, PublishedSheetStore Publications,
        ControlListStore Controls);

    private static async Task<IResult> PageAsync(HttpContext context, string township, PageStores stores, TimeProvider time, Markup outcomeNotice,
        int status = StatusCodes.Status200OK)
    {
        var (worklists, returns, entries, publications, controls) = stores;
        var (period, known) = await PageInput.PeriodAsync(context);
        var entered = (await entries.LoadAsync(period, context.RequestAborted)).GetValueOrDefault(township);
        var published = await publications.LatestAsync(period, context.RequestAborted) is not null;
        var entryForm = EntryForm.Render(context, township, period, EntryForm.Values(entered), [], context.Request.Query["saved"] == "1", published);
        var full = PageInput.WantsFullIds(context);
        var findings = await worklists.FindingsAsync(period, township, context.RequestAborted);
        if (full)
        {
            await WorkplaceAudit.WriteAsync(context, AuditActions.RevealIds, $"{township} {period} 预警列表", findings.Count, fullIds: true);
        }
        var today = WorkplaceClock.Today(time);
        var progress = TownshipProgress.Of(township, findings, today);
        var recovery = MonthRecovery.Of(period, findings, context.RequestServices.GetRequiredService<RuleSet>());
        var recent = await returns.ListAsync(township, 10, context.RequestAborted);
        var reveal = context.User.IsCounty() && !full
            ? Of($"""<p><a href="{Links.Township(township, period, fullIds: true)}" id="reveal">显示完整身份证号</a>（将记入审计日志）</p>""")
            : Markup.Empty;
        var content = Of($"""
            {Fragments.MonthForm(Links.Township(township), period, known)}
            {Fragments.Counts(progress)}
            {RecoverySection.Render(recovery, context.RequestServices.GetRequiredService<RuleTitles>(), showTownships: false)}
            {await MonthTrends.TownshipAsync(context, period, township)}
            <div class="box"><h2>{FindingText.ChineseMonth(period)}核查清单</h2>
            <p>下载后填写“核查结果”（属实 / 不属实）、“处置情况”、“核查人”、“核查日期”，再上传；也可在下方逐条登记。不属实的预警须写明理由。已登记的结果会带入再次下载的清单。</p>
            <p><a id="download-xlsx" href="{Links.Worklist(township, period, "xlsx")}">下载核查清单 (XLSX)</a> ·
               <a id="download-csv" href="{Links.Worklist(township, period, "csv")}">下载 CSV</a></p>
            <form method="post" action="{Links.Returns(township)}" enctype="multipart/form-data">
            {Layout.AntiforgeryField(context)}
            <label>上传填写后的核查清单 <input type="file" name="file" id="return-file" accept=".xlsx,.csv" required></label>
            <button type="submit" id="upload-return">上传</button></form></div>
            {OutcomeForm.Render(context, township, period, findings, today, outcomeNotice)}
            {ControlListSection.Render(context, township, period, (await controls.ListAsync(period, township, context.RequestAborted)).SingleOrDefault(), today)}
            {entryForm}
            <h2>本月预警</h2>{reveal}
            {Fragments.FindingTable(findings, full, today, showTownship: false, recovery.Overpayments, period)}
            <h2>最近上传的核查结果</h2>
            {ReturnTable(township, recent)}
            """);
        return PageResults.Page(context, $"{township} · {FindingText.ChineseMonth(period)}", content, status);
    }

    private static async Task<IResult> WorklistFileAsync(HttpContext context, string township, string periodText, string format, WorklistService worklists)
    {
        if (!context.User.MaySee(township) || PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        if (!ReportingMonth.TryParse(periodText, out var period))
        {
            return PageResults.NotFound(context);
        }
        var full = PageInput.WantsFullIds(context);
        var worklist = await worklists.WorklistAsync(township, period, full, context.RequestAborted);
        using var buffer = new MemoryStream();
        if (format == "xlsx")
        {
            WorklistXlsxWriter.Write(buffer, worklist);
        }
        else
        {
            WorklistCsvWriter.Write(buffer, worklist);
        }
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadWorklist, $"{township} {period} {format}", worklist.Rows.Count, full);
        var contentType = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return Results.File(buffer.ToArray(), contentType, $"{OutputNames.File(township)}-{period}-核查清单.{format}");
    }

    /// <summary>The township's 对照抽查名单 of a month as XLSX (404 when the month has none for it); audited like a worklist download.</summary>
    private static async Task<IResult> ControlListFileAsync(HttpContext context, string township, string period, ControlListStore controls, WorkplaceSettings settings)
    {
        if (!context.User.MaySee(township) || PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        if (!ReportingMonth.TryParse(period, out var month)
            || (await controls.ListAsync(month, township, context.RequestAborted)).SingleOrDefault() is not { } draw)
        {
            return PageResults.NotFound(context);
        }
        var full = PageInput.WantsFullIds(context);
        using var buffer = new MemoryStream();
        ControlListXlsxWriter.Write(buffer, settings.Installation.CountyName, month, township, draw.Items, full);
        await WorkplaceAudit.WriteAsync(context, AuditActions.DownloadControlList, $"{township} {month} xlsx", draw.Items.Count, full);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{OutputNames.File(township)}-{month}-对照抽查名单.xlsx");
    }

    private static async Task<IResult> ReturnAsync(HttpContext context, string township, WorklistReturnService service, TimeProvider time)
    {
        if (!context.User.MaySee(township))
        {
            return PageResults.Forbidden(context);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return PageResults.BadRequest(context, "请选择要上传的核查清单文件。");
        }
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await using var stream = file.OpenReadStream();
            await stream.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        var (id, result) = await service.ApplyAsync(township, name, bytes, context.User.Name(), WorkplaceClock.Today(time), context.RequestAborted);
        await WorkplaceAudit.WriteAsync(context, AuditActions.ReturnWorklist, $"{township} {name}", result.RowsRead);
        return Results.Redirect(Links.Return(township, id));
    }

    private static async Task<IResult> EntriesAsync(HttpContext context, string township, string period, TownshipEntryStore entries,
        PublishedSheetStore publications, TimeProvider time)
    {
        if (!context.User.MaySee(township))
        {
            return PageResults.Forbidden(context);
        }
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        if (await publications.LatestAsync(month, context.RequestAborted) is not null)
        {
            // A published month's numbers never change: its entries are read-only from the publication on.
            return PageResults.Page(context, $"{township} · 统计表填报", Of($"""
                <p class="warn" id="entries-refused">县民政局已上报{FindingText.ChineseMonth(month)}统计表，填报的数字不能再修改；如需更正，请联系县民政局。</p>
                <p><a id="back" href="{Links.Township(township, month)}">返回 {township}</a></p>
                """), StatusCodes.Status409Conflict);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (parsed, problems) = EntryForm.Parse(form);
        if (parsed is null)
        {
            // The form comes back with what was typed and a message per bad field, not a bare refusal.
            var again = EntryForm.Render(context, township, month, key => form[key].ToString(), problems, saved: false);
            var back = Of($"""<p><a id="back" href="{Links.Township(township, month)}">返回 {township}</a></p>""");
            return PageResults.Page(context, $"{township} · 统计表填报", Of($"{again}{back}"), StatusCodes.Status400BadRequest);
        }
        await entries.SaveAsync(township, month, parsed, context.User.Name(), time.GetUtcNow(), context.RequestAborted);
        await WorkplaceAudit.WriteAsync(context, AuditActions.EnterStatistics, EntryForm.AuditSubject(township, month, parsed));
        return Results.Redirect(Links.Township(township, month) + "&saved=1#entries");
    }

    private static async Task<IResult> ReturnDetailAsync(HttpContext context, string township, long id, WorklistReturnStore returns, RuleTitles titles)
    {
        if (!context.User.MaySee(township))
        {
            return PageResults.Forbidden(context);
        }
        var summary = await returns.FindAsync(id, context.RequestAborted);
        if (summary is null || !string.Equals(summary.Township, township, StringComparison.Ordinal))
        {
            return PageResults.NotFound(context);
        }
        var rows = await returns.RowsAsync(id, context.RequestAborted);
        var problem = summary.Problem is { } p ? Of($"""<p class="msg" id="return-problem">{p}</p>""") : Markup.Empty;
        var lines = rows.Select(r => Of($"""<tr class="{r.Outcome.Id()}"><td class="n">{r.Row}</td><td>{r.Name}</td><td>{r.MaskedId}</td><td>{(r.RuleId is { } rule ? titles.Of(rule) : "")}</td><td>{r.Reference}</td><td>{r.Outcome.Chinese()}</td><td class="wrap">{r.Reason}</td></tr>"""));
        var content = Of($"""
            <p>{summary.File} · {summary.UserName} · {WorkplaceClock.Text(summary.At)}</p>
            {problem}
            <div class="box counts" id="return-counts">
            <span>读到 <b>{summary.RowsRead}</b> 行</span><span>记为属实 <b id="return-confirmed">{summary.Confirmed}</b></span>
            <span>记为不属实 <b id="return-dismissed">{summary.Dismissed}</b></span><span>无变化 <b>{summary.Unchanged}</b></span>
            <span>未填 <b>{summary.Blank}</b></span><span>未采纳 <b id="return-refused" class="warn">{summary.Refused}</b></span></div>
            <table id="return-rows"><thead><tr><th>行</th><th>姓名</th><th>身份证号</th><th>预警类型</th><th>预警编号</th><th>结果</th><th>说明</th></tr></thead><tbody>{lines}</tbody></table>
            <p><a id="back" href="{Links.Township(township)}">返回 {township}</a></p>
            """);
        return PageResults.Page(context, "核查结果上传", content);
    }

    private static Markup ReturnTable(string township, IReadOnlyList<WorklistReturnSummary> recent)
    {
        if (recent.Count == 0)
        {
            return Of($"""<p class="muted">还没有上传过。</p>""");
        }
        var rows = recent.Select(r => Of($"""
            <tr><td>{WorkplaceClock.Text(r.At)}</td><td>{r.UserName}</td><td><a href="{Links.Return(township, r.Id)}">{r.File}</a></td>
            <td class="n">{r.Confirmed}</td><td class="n">{r.Dismissed}</td><td class="n">{r.Unchanged}</td><td class="n">{r.Blank}</td><td class="n">{r.Refused}</td><td class="wrap">{r.Problem}</td></tr>
            """));
        return Of($"""<table><thead><tr><th>时间</th><th>上传人</th><th>文件</th><th>属实</th><th>不属实</th><th>无变化</th><th>未填</th><th>未采纳</th><th>问题</th></tr></thead><tbody>{rows}</tbody></table>""");
    }
}
