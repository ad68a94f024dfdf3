using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;
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
/// which imports it at once; the page shows each file's import report. Every file is stamped with the month picked
/// on the form (<c>&lt;input type="month"&gt;</c>, last month proposed); a file whose own name states another month is
/// refused, naming both, rather than filed under the wrong month. A missing or malformed month shows the form again
/// with the reason.
/// </summary>
public static class UploadPages
{
    /// <summary>How many rejected rows of a file the upload page lists (the import page lists them all).</summary>
    private const int RejectsShown = 20;

    public static void Map(RouteGroupBuilder county)
    {
        // The month proposed is last month's: extracts arrive in the month after the one they are for.
        county.MapGet("/upload", (HttpContext context, TimeProvider time) =>
            PageResults.Page(context, "上传比对数据", Form(context, WorkplaceClock.CurrentMonth(time).Previous.ToString(), null)));
        county.MapPost("/upload", UploadAsync).WithMetadata(UploadLimit.ExtractFiles);
    }

    /// <param name="period">The month shown in the picker (what was posted, when the form comes back).</param>
    /// <param name="problem">Why the form came back, or null.</param>
    private static Markup Form(HttpContext context, string period, string? problem, string? source = null)
    {
        var catalog = context.RequestServices.GetRequiredService<RuleSet>().Sources;
        var sources = catalog.Sources.Select(SourceRef.Of).Order()
            .Select(s => Of($"""<option value="{s.Id}"{Raw(s.Id == source ? " selected" : "")}>{s.ChineseName}</option>"""));
        var message = problem is null ? Markup.Empty : Of($"""<p class="msg warn" id="upload-problem">{problem}</p>""");
        return Of($"""
            {message}
            <form method="post" action="/county/upload" enctype="multipart/form-data" class="box">
            {Layout.AntiforgeryField(context)}
            <p><label>文件（可多选，CSV 或 XLSX） <input type="file" name="files" id="files" multiple accept=".csv,.xlsx" required></label></p>
            <p><label>数据来源 <select name="source" id="source"><option value="">按表头自动识别</option>{sources}</select></label>
               <label>数据月份 <input type="month" name="period" id="upload-period" value="{period}" required></label></p>
            <p><button type="submit" id="upload">上传并导入</button></p>
            <p class="muted">文件保存到收件目录的来源子目录中，随即按所选数据月份导入；同一文件重复上传只导入一次。文件名写明了另一个月份（如 _202306、2023年6月）的文件不导入。</p>
            </form>
            """);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, ExtractUploadSaver saver, IExtractUploadProcessor processor)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var periodText = form["period"].ToString();
        var sourceText = form["source"].ToString();
        IResult Again(string problem) =>
            PageResults.Page(context, "上传比对数据", Form(context, periodText, problem, sourceText), StatusCodes.Status400BadRequest);
        if (periodText.Trim().Length == 0)
        {
            return Again("请选择数据月份（这些文件是哪一年哪一月的数据），再上传。");
        }
        if (!ReportingMonth.TryParse(periodText, out var period))
        {
            return Again($"数据月份“{periodText}”不是有效的年月：请在日历中选择，或写成 2023-07 的形式。");
        }
        var catalog = context.RequestServices.GetRequiredService<RuleSet>().Sources;
        SourceRef? chosen = null;
        if (sourceText.Length > 0)
        {
            var source = SourceRef.Of(sourceText, catalog);
            if (source.Declaration is null)
            {
                return Again($"未知的数据来源“{sourceText}”：请从列表中选择，或选“按表头自动识别”。");
            }
            chosen = source;
        }
        var files = form.Files.GetFiles("files").Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            return Again("请选择要上传的文件（空文件不算）。");
        }

        var outcomes = new List<UploadOutcome>();
        var saved = new List<SavedExtract>();
        foreach (var file in files)
        {
            if (StatedMonth.Find(Path.GetFileName(file.FileName)) is { } stated && stated != period)
            {
                outcomes.Add(new UploadOutcome(Path.GetFileName(file.FileName))
                {
                    Problem = $"文件名写明是{FindingText.ChineseMonth(stated)}的数据，与所选的数据月份{FindingText.ChineseMonth(period)}不一致，未导入。请核对后选择正确的月份再上传。",
                });
                continue;
            }
            await using var stream = file.OpenReadStream();
            var (extract, problem) = await saver.SaveAsync(file.FileName, stream, chosen, catalog, context.RequestAborted);
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
