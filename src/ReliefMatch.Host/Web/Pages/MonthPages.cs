using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Core.Sources;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Uploads;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The month as the county officer's unit of work (<c>/county/months/2023-07</c>): which sources have extracts stamped
/// for the month and which have none, the files waiting for their month to be confirmed (待确认), the rules a run will
/// skip and why, each township's progress, the <b>run this month</b> button (a Hangfire job for that month, its state
/// shown from the job and run records, the page refreshing itself while it runs), and publishing (上报) the month's
/// 统计表: a published version never changes, and the numbers counted since are shown beside it, differences marked.
/// </summary>
public static class MonthPages
{
    /// <summary>How often the page reloads itself while the month's run is queued or under way.</summary>
    private const int RefreshSeconds = 2;

    public static void Map(RouteGroupBuilder county)
    {
        county.MapGet("/months", ListAsync);
        county.MapGet("/months/{period}", PageAsync);
        county.MapPost("/months/{period}/run", RunAsync);
        county.MapPost("/months/{period}/publish", PublishAsync);
        county.MapPost("/months/pending/{id:long}", ConfirmAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ImportHistory imports, FindingQueries findings, PendingFileStore pending, TimeProvider time)
    {
        if (ReportingMonth.TryParse(context.Request.Query["period"].ToString(), out var asked))
        {
            return Results.Redirect(Links.Month(asked));
        }
        var months = (await imports.StampedMonthsAsync(context.RequestAborted))
            .Concat(await findings.PeriodsAsync(context.RequestAborted))
            .Append(WorkplaceClock.CurrentMonth(time).Previous)
            .Distinct().OrderDescending().ToList();
        var waiting = (await pending.ListAsync(context.RequestAborted)).Count;
        var items = months.Select(m => Of($"""<li><a href="{Links.Month(m)}">{FindingText.ChineseMonth(m)}</a></li>"""));
        var note = waiting > 0
            ? Of($"""<p class="warn" id="pending-note">有 {waiting} 个文件无法判断数据月份，待确认：请在任一月份页确认其月份。</p>""")
            : Markup.Empty;
        var content = Of($"""
            {note}
            <form method="get" action="{Links.Month()}" class="box"><label>月份 <input type="month" name="period" id="month-picker" required></label><button type="submit">打开</button></form>
            <ul id="months">{items}</ul>
            """);
        return PageResults.Page(context, "月份", content);
    }

    private static async Task<IResult> PageAsync(HttpContext context, string period, MonthServices services)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        return await RenderAsync(context, month, services, null, StatusCodes.Status200OK);
    }

    /// <summary>The month page, with <paramref name="message"/> (a refusal or what was just done) above it.</summary>
    private static async Task<IResult> RenderAsync(HttpContext context, ReportingMonth month, MonthServices s, Markup? message, int status)
    {
        var ct = context.RequestAborted;
        var stamped = await s.Imports.StampedAsync(month, ct);
        var pending = await s.Pending.ListAsync(ct);
        var (run, refresh) = await RunStateAsync(context, month, stamped.Count > 0, s);
        var sources = await new StatisticsSourceLoader(s.DataSource, s.Rules.Sources).MonthSourcesAsync(month, ct);
        var skipped = RuleInputs.Skipped(s.Rules.Rules, sources, s.Rules.Sources);
        var content = Of($"""
            <form method="get" action="{Links.Month()}" class="box"><label>月份 <input type="month" name="period" id="month-picker" value="{month.ToString()}" required></label><button type="submit">打开</button> <a href="{Links.Month()}">全部月份</a></form>
            {message ?? Markup.Empty}
            <div class="box" id="sources"><h2>{FindingText.ChineseMonth(month)}的数据</h2>{Sources(stamped, s.Rules.Sources)}</div>
            {Pending(context, pending, month)}
            {Undeclared(ExtractImporter.UndeclaredFolders(s.Settings.Inbox, s.Rules.Sources))}
            {await SanityAsync(month, stamped.Count > 0, s, ct)}
            <div class="box" id="skips"><h2>本月将跳过的规则</h2>{Skips(skipped, s.Rules)}<p><a href="{ReplayPages.Link(month)}" id="replay-link">规则试算：在本月数据上试算修改后的规则</a></p></div>
            {run}
            {await ProgressAsync(month, s, ct)}
            {RecoverySection.Render(await MonthRecovery.LoadAsync(s.Findings, s.Rules, month, null, ct), s.Titles, showTownships: true)}
            {await PublicationAsync(context, month, s, ct)}
            """);
        // The address again without a fragment: a refresh to the same address with one would only scroll, not reload.
        var again = Links.Month(month) + Links.Query(("job", context.Request.Query["job"].ToString()));
        var head = refresh ? Of($"""<meta http-equiv="refresh" content="{RefreshSeconds.ToString(CultureInfo.InvariantCulture)}; url={again}">""") : Markup.Empty;
        return PageResults.Page(context, $"{FindingText.ChineseMonth(month)} · 月份页", content, status, head);
    }

    /// <summary>
    /// Every source the installation declares (the shipped declarations and a county's own, in the catalog's order), with
    /// the extracts stamped for the month or a note that it has none; an extract of a source no longer declared still
    /// shows, under its id, so that nothing imported is hidden.
    /// </summary>
    private static Markup Sources(IReadOnlyList<ImportedExtract> stamped, SourceCatalog catalog)
    {
        var sources = catalog.Sources.Select(SourceRef.Of)
            .Concat(stamped.Select(e => e.Source).Where(source => !catalog.Declares(source.Id)).Distinct())
            .ToList();
        var rows = sources.Select(source =>
        {
            var files = stamped.Where(e => e.Source == source).ToList();
            if (files.Count == 0)
            {
                return Of($"""<tr data-source="{source.Id}" class="missing"><td>{source.ChineseName}</td><td colspan="4" class="warn">本月没有</td></tr>""");
            }
            return Join(files.Select((e, i) => Of($"""
                <tr data-source="{source.Id}">{(i == 0 ? Of($"<td rowspan=\"{files.Count}\">{source.ChineseName}</td>") : Markup.Empty)}
                <td><a href="{Links.Import(e.Id)}">{e.File}</a></td><td class="n">{e.Accepted}</td><td class="n{(e.Rejected > 0 ? " warn" : "")}">{e.Rejected}</td><td>{WorkplaceClock.Text(e.ImportedAt)}</td></tr>
                """)));
        });
        var note = stamped.Count == 0
            ? Of($"""<p class="warn" id="no-data">本月还没有任何数据，比对运行会被拒绝。请先<a href="/county/upload">上传</a>该月的数据。</p>""")
            : Markup.Empty;
        return Of($"""
            {note}
            <table id="source-table"><thead><tr><th>数据来源</th><th>文件</th><th>接收行数</th><th>拒收行数</th><th>导入时间</th></tr></thead><tbody>{rows}</tbody></table>
            """);
    }

    /// <summary>The files whose month could not be told, each with a form to confirm it (the month page's month proposed).</summary>
    private static Markup Pending(HttpContext context, IReadOnlyList<PendingFile> pending, ReportingMonth month)
    {
        if (pending.Count == 0)
        {
            return Markup.Empty;
        }
        var rows = pending.Select(f => Of($"""
            <tr data-pending="{f.Id.ToString(CultureInfo.InvariantCulture)}"><td>{f.File}</td><td>{f.Source.ChineseName}</td><td>{WorkplaceClock.Text(f.FoundAt)}</td>
            <td><form method="post" action="{Links.Month()}/pending/{f.Id.ToString(CultureInfo.InvariantCulture)}?from={month.ToString()}">{Layout.AntiforgeryField(context)}
            <label>数据月份 <input type="month" name="period" value="{month.ToString()}" required></label> <button type="submit">确认并导入</button></form></td></tr>
            """));
        return Of($"""
            <div class="box" id="pending"><h2>待确认月份的文件</h2>
            <p class="muted">这些文件的文件名和标题都没有写明数据月份，没有导入，也没有拒收。确认月份后即按该月导入（记入审计日志）。</p>
            <table><thead><tr><th>文件</th><th>数据来源</th><th>发现时间</th><th>确认月份</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    /// <summary>
    /// The inbox's sub-folders that no source declaration names: their files are never imported, so the officer is told
    /// by name rather than left to wonder why a department's extract has no effect.
    /// </summary>
    private static Markup Undeclared(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0)
        {
            return Markup.Empty;
        }
        var items = folders.Select(f => Of($"""<li data-folder="{f}">{f}</li>"""));
        return Of($"""
            <div class="box" id="undeclared"><h2>收件目录中无法识别的文件夹</h2>
            <p class="warn">没有任何数据源声明（rules/sources）这些文件夹，其中的文件不会导入。请检查文件夹名称，或为新的数据来源添加声明文件。</p>
            <ul>{items}</ul></div>
            """);
    }

    /// <summary>
    /// 数据检查: the month's extracts against each source's previous month (columns, rows, rejected share, townships of a
    /// snapshot, dates outside the month), each naming the file, the figure and the previous one. They never block a run.
    /// </summary>
    private static async Task<Markup> SanityAsync(ReportingMonth month, bool hasData, MonthServices s, CancellationToken ct)
    {
        if (!hasData)
        {
            return Markup.Empty;
        }
        var checks = await new ExtractSanity(s.DataSource, s.Rules.Sources).CheckAsync(month, s.Sanity, ct);
        if (checks.Count == 0)
        {
            return Of($"""<div class="box" id="sanity"><h2>数据检查</h2><p class="ok" id="no-sanity">本月各来源的数据与上月相比没有发现异常（列、行数、拒收比例、快照乡镇、日期月份）。</p></div>""");
        }
        var rows = checks.Select(c => Of($"""
            <tr data-check="{c.Check.Id()}" data-source="{c.Source}"><td>{c.Check.ChineseName()}</td><td>{c.File}</td><td>{c.Figure}</td><td>{c.Previous}</td><td>{c.Message}</td></tr>
            """));
        return Of($"""
            <div class="box" id="sanity"><h2>数据检查</h2>
            <p class="warn">本月有 {checks.Count} 处数据与上月明显不同。这些提示不阻止比对运行，请核对后再信任本月的结果。</p>
            <table id="sanity-table"><thead><tr><th>检查</th><th>文件</th><th>本月</th><th>上月</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    private static Markup Skips(IReadOnlyList<RuleSkip> skipped, RuleSet rules)
    {
        if (skipped.Count == 0)
        {
            return Of($"""<p class="ok" id="no-skips">启用的规则本月都有所需数据。</p>""");
        }
        var items = skipped.Select(k => Of($"""<li data-rule="{k.RuleId}">{rules.Find(k.RuleId)?.Title ?? k.RuleId}：{k.Reason}</li>"""));
        return Of($"""<ul id="skipped">{items}</ul>""");
    }

    /// <summary>
    /// The month's run: the latest record of the monthly-run job for the month (queued, running, done, refused or failed)
    /// and the latest run record, with the button. True when the page should refresh itself (queued or under way).
    /// </summary>
    private static async Task<(Markup Run, bool Refresh)> RunStateAsync(HttpContext context, ReportingMonth month, bool hasData, MonthServices s)
    {
        var key = month.ToString();
        var jobs = (await s.JobRuns.ListAsync(500, JobNames.MonthlyRun, context.RequestAborted)).Where(j => j.Key == key).ToList();
        var runs = (await s.Runs.ListAsync(200, context.RequestAborted)).Where(r => r.Period == month).ToList();
        var queued = context.Request.Query["job"].ToString();
        Markup state;
        var refresh = false;
        if (queued.Length > 0 && !jobs.Any(j => j.BackgroundId == queued))
        {
            // Not begun yet: the scheduler says whether it waits, or failed before the job could record anything.
            var (name, reason) = s.QueueState(queued);
            refresh = name is not ("Failed" or "Deleted");
            state = refresh
                ? Of($"""<p id="run-state" data-state="queued">已排队（任务 #{queued}），等待开始……</p>""")
                : Of($"""<p id="run-state" data-state="failed" class="warn">任务 #{queued} 未能开始：{reason ?? name}</p>""");
        }
        else if (jobs.FirstOrDefault() is { } job)
        {
            var when = job.FinishedAt is { } f ? WorkplaceClock.Text(f) : WorkplaceClock.Text(job.StartedAt);
            var latestRun = runs.FirstOrDefault();
            refresh = job.Outcome == JobOutcome.Running || latestRun?.Status == "running";
            state = job.Outcome switch
            {
                JobOutcome.Running => Of($"""<p id="run-state" data-state="running">运行中（{WorkplaceClock.Text(job.StartedAt)} 开始）……</p>"""),
                JobOutcome.Refused => Of($"""<p id="run-state" data-state="refused" class="warn">{when} 拒绝运行：{job.Detail}</p>"""),
                JobOutcome.Succeeded when latestRun?.Status == "running" => Of($"""<p id="run-state" data-state="running">运行中（分片比对）……</p>"""),
                JobOutcome.Succeeded => Of($"""<p id="run-state" data-state="succeeded" class="ok">{when} 已完成。</p>"""),
                _ => Of($"""<p id="run-state" data-state="failed" class="warn">{when} 未完成（{JobRunStore.Text(job.Outcome)}）：{job.Detail}</p>"""),
            };
        }
        else
        {
            state = Of($"""<p id="run-state" data-state="none" class="muted">本月还没有从本页运行过比对。</p>""");
        }
        var lastRun = runs.FirstOrDefault() is { } r
            ? Of($"""<p id="last-run">最近一次比对运行：{WorkplaceClock.Text(r.StartedAt)}，{RunPages.StatusText(r.Status)}{(r.Status == "succeeded" ? Of($"，预警 {r.Findings} 条，当月新增 {r.NewFindings} 条") : Markup.Empty)}{(r.Error is { } e ? Of($"：{e}") : Markup.Empty)}</p>""")
            : Markup.Empty;
        var button = s.Scheduler is null
            ? Of($"""<p class="muted" id="no-jobs">本安装未启用定时任务，不能从网页运行；请用命令行 reliefmatch run --period {key}。</p>""")
            : Of($"""
                <form method="post" action="{Links.Month(month)}/run">{Layout.AntiforgeryField(context)}<button type="submit" id="run-month"{Raw(refresh ? " disabled" : "")}>运行本月比对</button></form>
                {(hasData ? Markup.Empty : Of($"""<p class="warn">本月没有数据，运行会被拒绝。</p>"""))}
                """);
        return (Of($"""<div class="box" id="run"><h2>比对运行</h2>{state}{lastRun}{button}</div>"""), refresh);
    }

    private static async Task<Markup> ProgressAsync(ReportingMonth month, MonthServices s, CancellationToken ct)
    {
        var findings = await s.Worklists.FindingsAsync(month, null, ct);
        var townships = await s.Worklists.TownshipsAsync(month, findings, ct);
        var today = WorkplaceClock.Today(s.Time);
        var byTownship = findings.ToLookup(f => f.Finding.Township, StringComparer.Ordinal);
        var rows = townships.Select(t => TownshipProgress.Of(t, byTownship[t], today)).Select(p => Of($"""
            <tr data-township="{p.Township}"><td><a href="{Links.Township(p.Township, month)}">{p.Township}</a></td><td class="n">{p.Total}</td><td class="n">{p.Open}</td>
            <td class="n">{p.Confirmed}</td><td class="n">{p.Dismissed}</td><td class="n{(p.Overdue > 0 ? " warn" : "")}">{p.Overdue}</td></tr>
            """));
        return Of($"""
            <div class="box" id="month-progress"><h2>各乡镇核查进度</h2>
            <table><thead><tr><th>乡镇</th><th>预警</th><th>待核查</th><th>属实</th><th>不属实</th><th>逾期未核查</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    /// <summary>
    /// Publishing: the versions published, the button, and, once published, the latest published sheet beside the sheet
    /// counted now, a differing cell marked with both numbers.
    /// </summary>
    private static async Task<Markup> PublicationAsync(HttpContext context, ReportingMonth month, MonthServices s, CancellationToken ct)
    {
        var versions = await s.Publications.ListAsync(month, ct);
        var hasRun = (await s.Runs.ListAsync(200, ct)).Any(r => r.Period == month && r.Status == "succeeded");
        var list = versions.Count == 0
            ? Of($"""<p id="publish-state" class="muted">本月统计表尚未上报。</p>""")
            : Of($"""<ul id="publish-state">{versions.Select(v => Of($"""<li data-version="{v.Version.ToString(CultureInfo.InvariantCulture)}">第 {v.Version} 版：{WorkplaceClock.Text(v.PublishedAt)} 由 {v.PublishedBy} 上报</li>"""))}</ul>""");
        var button = hasRun
            ? Of($"""<form method="post" action="{Links.Month(month)}/publish">{Layout.AntiforgeryField(context)}<button type="submit" id="publish">{(versions.Count == 0 ? "上报本月统计表" : $"按最新数字上报第 {versions.Count + 1} 版")}</button></form>""")
            : Of($"""<p class="muted">本月还没有完成的比对运行，暂不能上报。</p>""");
        var comparison = Markup.Empty;
        if (versions.Count > 0)
        {
            var published = StatsJsonReader.Read(versions[0].Sheet);
            var current = await s.Worklists.StatisticsAsync(month, ct);
            comparison = Compare(published, versions[0].Version, current);
        }
        return Of($"""
            <div class="box" id="publication"><h2>统计表上报</h2>
            <p class="muted">上报后，本月统计表（网页、XLSX 和 stats.json 下载）固定为上报的数字，乡镇填报不能再修改；之后再运行比对，新的数字列在下面对照，可再次上报为新的一版。</p>
            {list}{button}<p><a href="{Links.Statistics(month)}">查看统计表</a></p>{comparison}</div>
            """);
    }

    /// <summary>Every cell of the sheet, a column per unit: the published number, and where the number counted now differs, both, marked.</summary>
    private static Markup Compare(MonthStatistics published, int version, MonthStatistics current)
    {
        var units = published.Townships.Select(t => t.Township).Concat(current.Townships.Select(t => t.Township))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Append("全县").ToList();
        UnitStatistics? Figures(MonthStatistics m, string unit) => unit == "全县" ? m.County : m.For(unit);
        var differences = 0;
        var rows = SheetFigures.Cells().Select(cell =>
        {
            var tds = units.Select(unit =>
            {
                var was = Figures(published, unit) is { } p ? cell.Value(p) : "";
                var now = Figures(current, unit) is { } c ? cell.Value(c) : "";
                if (string.Equals(was, now, StringComparison.Ordinal))
                {
                    return Of($"""<td class="n">{was}</td>""");
                }
                differences++;
                return Of($"""<td class="n diff" style="background:#ffe08a" data-unit="{unit}" title="上报 {was}，最新 {now}">{was} → <b>{now}</b></td>""");
            }).ToList();
            return Of($"""<tr data-cell="{cell.Path}"><td>{cell.Words}</td>{tds}</tr>""");
        }).ToList();
        var summary = differences == 0
            ? Of($"""<p class="ok" id="compare-summary">最新计算的数字与第 {version} 版上报的相同。</p>""")
            : Of($"""<p class="warn" id="compare-summary">最新计算的数字有 {differences} 处与第 {version} 版上报的不同（黄色：上报 → 最新）。上报的数字不变；如需更正，再次上报。</p>""");
        return Of($"""
            <h3>第 {version} 版（已上报）与最新计算对照</h3>{summary}
            <div class="wide"><table id="compare"><thead><tr><th>项目</th>{units.Select(u => Of($"<th>{u}</th>"))}</tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    private static async Task<IResult> RunAsync(HttpContext context, string period, MonthServices s)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        if ((await s.Imports.StampedAsync(month, context.RequestAborted)).Count == 0)
        {
            var reason = RunRefusedException.NoDataReason(month);
            await WorkplaceAudit.WriteAsync(context, AuditActions.QueueRun, $"{month} 拒绝运行：{reason}");
            return await RenderAsync(context, month, s, Of($"""<p class="msg" id="run-message">拒绝运行：{reason}</p>"""), StatusCodes.Status409Conflict);
        }
        if (s.Scheduler is null)
        {
            return await RenderAsync(context, month, s, Of($"""<p class="msg" id="run-message">本安装未启用定时任务，不能从网页运行。</p>"""), StatusCodes.Status409Conflict);
        }
        var jobId = s.Scheduler.EnqueueMonthlyRun(month.ToString());
        await WorkplaceAudit.WriteAsync(context, AuditActions.QueueRun, $"{month} 比对运行已排队（任务 #{jobId}）");
        return Results.Redirect(Links.Month(month) + Links.Query(("job", jobId)));
    }

    private static async Task<IResult> PublishAsync(HttpContext context, string period, MonthServices s)
    {
        if (!ReportingMonth.TryParse(period, out var month))
        {
            return PageResults.NotFound(context);
        }
        if (!(await s.Runs.ListAsync(200, context.RequestAborted)).Any(r => r.Period == month && r.Status == "succeeded"))
        {
            return await RenderAsync(context, month, s, Of($"""<p class="msg" id="publish-message">本月还没有完成的比对运行，不能上报统计表。</p>"""), StatusCodes.Status409Conflict);
        }
        var statistics = await s.Worklists.StatisticsAsync(month, context.RequestAborted);
        var sheet = await s.Publications.PublishAsync(month, StatsJsonReader.Text(statistics), context.User.Identity?.Name ?? "", s.Time.GetUtcNow(), context.RequestAborted);
        await WorkplaceAudit.WriteAsync(context, AuditActions.PublishStatistics,
            $"{month} 统计表上报第 {sheet.Version} 版：数据预警 {statistics.County.DataWarning.Total} 人", statistics.Townships.Count);
        return Results.Redirect(Links.Month(month) + "#publication");
    }

    private static async Task<IResult> ConfirmAsync(HttpContext context, long id, MonthServices s, PendingConfirmation confirmation)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["period"].ToString();
        var back = ReportingMonth.TryParse(context.Request.Query["from"].ToString(), out var from) ? from : WorkplaceClock.CurrentMonth(s.Time).Previous;
        if (!ReportingMonth.TryParse(text, out var month))
        {
            return await RenderAsync(context, back, s,
                Of($"""<p class="msg" id="confirm-message">请选择文件的数据月份（年和月，如 2023-07）；收到的是“{text}”。文件仍待确认。</p>"""), StatusCodes.Status400BadRequest);
        }
        var outcome = await confirmation.ConfirmAsync(id, month, context.RequestAborted);
        if (outcome is not { } done)
        {
            return await RenderAsync(context, month, s, Of($"""<p class="msg" id="confirm-message">这个文件已不在待确认之列（可能已由他人确认）。</p>"""), StatusCodes.Status404NotFound);
        }
        var (file, report) = done;
        var what = report is null ? "文件已不在原处，已从待确认中移除"
            : report.RefusedReason is { } refused ? $"拒收：{refused}"
            : report.AlreadyImported ? "已导入过" : $"接收 {report.Accepted} 行，拒收 {report.Rejected} 行";
        await WorkplaceAudit.WriteAsync(context, AuditActions.ConfirmMonth, $"{file.File} 确认为 {month}：{what}", report?.Accepted ?? 0);
        var message = Of($"""<p class="msg good" id="confirm-message">{file.File} 已确认为{FindingText.ChineseMonth(month)}的数据：{what}。</p>""");
        return await RenderAsync(context, month, s, message, StatusCodes.Status200OK);
    }
}

/// <summary>What the month page reads; the scheduler is there only when the host runs the jobs.</summary>
public sealed class MonthServices(IServiceProvider services)
{
    private readonly IServiceProvider _services = services;

    public ImportHistory Imports { get; } = services.GetRequiredService<ImportHistory>();
    public WorkplaceSettings Settings { get; } = services.GetRequiredService<WorkplaceSettings>();
    public PendingFileStore Pending { get; } = services.GetRequiredService<PendingFileStore>();
    public JobRunStore JobRuns { get; } = services.GetRequiredService<JobRunStore>();
    public RunHistory Runs { get; } = services.GetRequiredService<RunHistory>();
    public PublishedSheetStore Publications { get; } = services.GetRequiredService<PublishedSheetStore>();
    public WorklistService Worklists { get; } = services.GetRequiredService<WorklistService>();
    /// <summary>The rules in force now (a rule published from the web applies at once).</summary>
    public RuleSet Rules => _services.GetRequiredService<CurrentRules>().Rules;
    public FindingQueries Findings { get; } = services.GetRequiredService<FindingQueries>();
    public RuleTitles Titles { get; } = services.GetRequiredService<RuleTitles>();

    /// <summary>The extract sanity thresholds, read again on every view so that an edited file applies at once.</summary>
    public SanityThresholds Sanity => Settings.RulesFolder is { } folder ? RuleFolder.LoadSanity(folder) : SanityThresholds.Shipped;
    public Npgsql.NpgsqlDataSource DataSource { get; } = services.GetRequiredService<Npgsql.NpgsqlDataSource>();
    public TimeProvider Time { get; } = services.GetRequiredService<TimeProvider>();
    public JobScheduler? Scheduler { get; } = services.GetService<JobScheduler>();

    /// <summary>The scheduler's state of a queued job (<c>Enqueued</c>, <c>Processing</c>, <c>Failed</c>…) and its reason; nulls when unknown.</summary>
    public (string? Name, string? Reason) QueueState(string jobId)
    {
        if (_services.GetService<Hangfire.JobStorage>() is not { } storage)
        {
            return (null, null);
        }
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        return (state?.Name, state?.Reason);
    }
}
