using ReliefMatch.Core.Extracts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>The import history: every imported extract with its report, and each one's rejected rows.</summary>
public static class ImportPages
{
    /// <summary>How many rejected rows an import's page lists.</summary>
    private const int RejectsShown = 2000;

    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/imports", ListAsync);
        county.MapGet("/imports/{id:long}", DetailAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ImportHistory imports)
    {
        var list = await imports.ListAsync(500, context.RequestAborted);
        var rows = list.Select(e => Of($"""
            <tr><td class="n">{e.Id}</td><td>{WorkplaceClock.Text(e.ImportedAt)}</td><td>{e.Period.ToString()}</td><td>{e.Source.ChineseName}</td>
            <td><a href="{Links.Import(e.Id)}">{e.File}</a></td><td class="n">{e.RowsRead}</td><td class="n">{e.Accepted}</td>
            <td class="n{(e.Rejected > 0 ? " warn" : "")}">{e.Rejected}</td><td class="n">{e.Skipped}</td></tr>
            """));
        var content = list.Count == 0
            ? Of($"""<p class="muted">还没有导入过数据。<a href="/county/upload">上传比对数据</a></p>""")
            : Of($"""
                <table id="imports"><thead><tr><th>编号</th><th>导入时间</th><th>月份</th><th>来源</th><th>文件</th><th>读取行数</th><th>接收</th><th>拒收</th><th>跳过</th></tr></thead>
                <tbody>{rows}</tbody></table>
                <p class="muted">整份被拒收的文件（缺少必需列等）不会导入，其原因在上传结果和审计日志中。</p>
                """);
        return PageResults.Page(context, "导入记录", content);
    }

    private static async Task<IResult> DetailAsync(HttpContext context, long id, ImportHistory imports)
    {
        var extract = await imports.FindAsync(id, context.RequestAborted);
        if (extract is null)
        {
            return PageResults.NotFound(context);
        }
        var full = PageInput.WantsFullIds(context);
        var periods = await imports.PeriodsAsync(id, context.RequestAborted);
        var rejects = await imports.RejectedRowsAsync(id, RejectsShown, context.RequestAborted);
        if (full)
        {
            await WorkplaceAudit.WriteAsync(context, AuditActions.RevealIds, $"导入 {extract.File} 的拒收行", rejects.Count(r => PageInput.LooksLikeId(r.Value)), fullIds: true);
        }
        var reveal = !full && rejects.Any(r => PageInput.LooksLikeId(r.Value))
            ? Of($"""<p><a href="{Links.Import(id, fullIds: true)}" id="reveal">显示完整身份证号</a>（将记入审计日志）</p>""")
            : Markup.Empty;
        var content = Of($"""
            <div class="box">
            <p>来源：{extract.Source.ChineseName} · 月份：{string.Join("、", periods.Select(p => p.ToString()))} · 导入时间：{WorkplaceClock.Text(extract.ImportedAt)}</p>
            <p>编码：{extract.Encoding}{(extract.Sheet is { } sheet ? $" · 工作表：{sheet}" : "")} · 表头行：{extract.HeaderRow} · 大小：{extract.Size} 字节 · SHA-256：<code>{extract.Sha256}</code></p>
            <p class="counts"><span>读取 <b>{extract.RowsRead}</b></span><span>接收 <b class="ok">{extract.Accepted}</b></span><span>拒收 <b class="warn">{extract.Rejected}</b></span><span>跳过（空行、合计行） <b>{extract.Skipped}</b></span></p>
            </div>
            {reveal}
            {RejectTable(rejects, extract.Rejected, full)}
            <p><a href="/county/imports">返回导入记录</a></p>
            """);
        return PageResults.Page(context, extract.File, content);
    }

    /// <summary>The numbers of a file report, or why the whole file was refused.</summary>
    public static Markup ReportSummary(FileReport report)
    {
        if (report.RefusedReason is { } refused)
        {
            return Of($"""<p class="warn refused">整份拒收，未导入：{refused}</p>""");
        }
        var already = report.AlreadyImported ? Of($"""<p class="muted already">同样的文件已经导入过，本次未重复导入。</p>""") : Markup.Empty;
        return Of($"""
            {already}<p class="counts">编码 {report.Encoding}{(report.Sheet is { } sheet ? $"，工作表 {sheet}" : "")}，表头第 {report.HeaderRow} 行 ·
            <span>读取 <b>{report.RowsRead}</b></span><span>接收 <b class="ok accepted">{report.Accepted}</b></span><span>拒收 <b class="warn">{report.Rejected}</b></span><span>跳过 <b>{report.Skipped}</b></span></p>
            """);
    }

    /// <summary>Rejected rows: where, which column, the value as read (IDs masked unless full) and why.</summary>
    public static Markup RejectTable(IReadOnlyList<RejectedRow> rejects, int total, bool fullIds)
    {
        if (rejects.Count == 0)
        {
            return Markup.Empty;
        }
        var rows = rejects.Select(r => Of($"""<tr><td class="n">{r.Row}</td><td>{r.Column}</td><td class="wrap">{PageInput.Value(r.Value, fullIds)}</td><td class="wrap">{r.Reason}</td></tr>"""));
        var more = total > rejects.Count ? Of($"""<p class="muted">共 {total} 行拒收，此处列出前 {rejects.Count} 行。</p>""") : Markup.Empty;
        return Of($"""
            <table class="rejects"><thead><tr><th>行</th><th>列</th><th>读到的值</th><th>原因</th></tr></thead><tbody>{rows}</tbody></table>{more}
            """);
    }
}
