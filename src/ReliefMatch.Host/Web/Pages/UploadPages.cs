using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Uploads;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The county uploads departmental extracts, several files at once: each is saved into the drop folder under its
/// source (chosen, or recognised from its header row) and handed to the <see cref="IExtractUploadProcessor"/>,
/// which imports it at once; the page shows each file's import report.
/// </summary>
public static class UploadPages
{
    /// <summary>How many rejected rows of a file the upload page lists (the import page lists them all).</summary>
    private const int RejectsShown = 20;

    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/upload", (HttpContext context, TimeProvider time) =>
            PageResults.Page(context, "上传比对数据", Form(context, WorkplaceClock.CurrentMonth(time))));
        county.MapPost("/upload", UploadAsync).WithMetadata(UploadLimit.ExtractFiles);
    }

    private static Markup Form(HttpContext context, ReportingMonth period)
    {
        var sources = SourceKinds.All.Select(s => Of($"""<option value="{s.Id()}">{s.ChineseName()}（{s.Id()}）</option>"""));
        return Of($"""
            <form method="post" action="/county/upload" enctype="multipart/form-data" class="box">
            {Layout.AntiforgeryField(context)}
            <p><label>文件（可多选，CSV 或 XLSX） <input type="file" name="files" id="files" multiple accept=".csv,.xlsx" required></label></p>
            <p><label>数据来源 <select name="source" id="source"><option value="">按表头自动识别</option>{sources}</select></label>
               <label>数据月份 <input name="period" id="upload-period" value="{period.ToString()}" size="8" required></label></p>
            <p><button type="submit" id="upload">上传并导入</button></p>
            <p class="muted">文件保存到收件目录的来源子目录中，随即导入；同一文件重复上传只导入一次。</p>
            </form>
            """);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, ExtractUploadSaver saver, IExtractUploadProcessor processor)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!ReportingMonth.TryParse(form["period"].ToString(), out var period))
        {
            return PageResults.BadRequest(context, "数据月份应写成 2023-07 的形式。");
        }
        SourceKind? chosen = null;
        var sourceText = form["source"].ToString();
        if (sourceText.Length > 0)
        {
            if (!SourceKinds.TryParse(sourceText, out var source))
            {
                return PageResults.BadRequest(context, "未知的数据来源。");
            }
            chosen = source;
        }
        var files = form.Files.GetFiles("files").Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            return PageResults.BadRequest(context, "请选择要上传的文件。");
        }

        var outcomes = new List<UploadOutcome>();
        var saved = new List<SavedExtract>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var (extract, problem) = await saver.SaveAsync(file.FileName, stream, chosen, context.RequestAborted);
            if (extract is null)
            {
                outcomes.Add(new UploadOutcome(Path.GetFileName(file.FileName)) { Problem = problem });
            }
            else
            {
                saved.Add(extract);
            }
        }
        if (saved.Count > 0)
        {
            outcomes.AddRange(await processor.ProcessAsync(saved, period, context.RequestAborted));
        }
        foreach (var outcome in outcomes)
        {
            var what = outcome.Report is { } r
                ? r.RefusedReason is { } refused ? $"拒收：{refused}" : r.AlreadyImported ? "已导入过" : $"接收 {r.Accepted} 行，拒收 {r.Rejected} 行"
                : outcome.Queued ?? outcome.Problem ?? "";
            await WorkplaceAudit.WriteAsync(context, AuditActions.UploadExtract, $"{outcome.Saved?.DisplayName ?? outcome.FileName} {period}：{what}", outcome.Report?.Accepted ?? 0);
        }

        // IDs among the rejected values stay masked here; the import page shows them in full on request, audited.
        var reports = outcomes.Select(o => Outcome(o, fullIds: false));
        var content = Of($"""
            <p>数据月份：{FindingText.ChineseMonth(period)}</p>
            {reports}
            <p><a href="/county/upload">继续上传</a> · <a href="/county/imports">导入记录</a></p>
            """);
        return PageResults.Page(context, "上传结果", content);
    }

    private static Markup Outcome(UploadOutcome outcome, bool fullIds)
    {
        if (outcome.Problem is { } problem)
        {
            return Of($"""<div class="box upload-outcome"><h2>{outcome.FileName}</h2><p class="warn">未保存：{problem}</p></div>""");
        }
        // A name too long to store is shown as it was uploaded, below the one it is stored under.
        var renamed = outcome.Saved?.OriginalName is { } original
            ? Of($"""<p class="muted original-name">原文件名过长，已按上面的名字保存。原文件名：{original}</p>""")
            : Markup.Empty;
        if (outcome.Report is not { } report)
        {
            return Of($"""<div class="box upload-outcome"><h2>{outcome.Saved?.DisplayName ?? outcome.FileName}</h2>{renamed}<p>{outcome.Queued}</p></div>""");
        }
        var moved = report.RefusedReason is not null && outcome.Saved is { } saved && saved.DisplayName != report.File
            ? Of($"""<p class="muted">文件已移到工作目录的 {saved.DisplayName}，不会再被导入。</p>""")
            : Markup.Empty;
        return Of($"""<div class="box upload-outcome"><h2>{report.File}</h2>{renamed}{ImportPages.ReportSummary(report)}{moved}{ImportPages.RejectTable(report.Rejects.Take(RejectsShown).ToList(), report.Rejected, fullIds)}</div>""");
    }
}
