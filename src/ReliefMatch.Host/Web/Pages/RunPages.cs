using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>The monthly runs and how they ended (<c>reliefmatch.runs</c>).</summary>
public static class RunPages
{
    public static void Map(RouteGroupBuilder county) => county.MapGet("/runs", ListAsync);

    public static string StatusText(string status) => status switch
    {
        "running" => "运行中",
        "succeeded" => "已完成",
        "failed" => "失败",
        _ => status,
    };

    private static async Task<IResult> ListAsync(HttpContext context, RunHistory runs, JobRunStore jobs)
    {
        var list = await runs.ListAsync(200, context.RequestAborted);
        var rows = list.Select(r => Of($"""
            <tr><td class="n">{r.Id}</td><td>{r.Period.ToString()}</td><td>{WorkplaceClock.Text(r.StartedAt)}</td><td>{(r.FinishedAt is { } f ? WorkplaceClock.Text(f) : "")}</td>
            <td class="{(r.Status == "failed" ? "warn" : r.Status == "succeeded" ? "ok" : "")}">{StatusText(r.Status)}</td>
            <td class="n">{r.Findings}</td><td class="n">{r.NewFindings}</td><td class="n">{r.Dismissed}</td><td class="n">{r.Closed}</td><td class="wrap">{r.Error}</td></tr>
            """));
        var content = list.Count == 0
            ? Of($"""<p class="muted">还没有比对运行。</p>""")
            : Of($"""
                <table id="runs"><thead><tr><th>编号</th><th>月份</th><th>开始</th><th>结束</th><th>状态</th><th>预警</th><th>当月新增</th><th>保持不属实</th><th>关闭</th><th>错误</th></tr></thead>
                <tbody>{rows}</tbody></table>
                """);
        var jobRuns = await jobs.ListAsync(100, null, context.RequestAborted);
        var jobRows = jobRuns.Select(j => Of($"""
            <tr><td>{ReliefMatch.Host.Jobs.JobNames.Chinese(j.Job)}</td><td>{j.Key}</td><td class="n">{j.Attempt}</td><td>{WorkplaceClock.Text(j.StartedAt)}</td><td>{(j.FinishedAt is { } f ? WorkplaceClock.Text(f) : "")}</td>
            <td class="{(j.Outcome is JobOutcome.Failed or JobOutcome.Abandoned ? "warn" : j.Outcome == JobOutcome.Succeeded ? "ok" : "")}">{JobRunStore.Chinese(j.Outcome)}</td><td class="wrap">{j.Detail}</td></tr>
            """));
        var jobsContent = jobRuns.Count == 0
            ? Of($"""<p class="muted">还没有定时任务的执行记录。</p>""")
            : Of($"""
                <table id="job-runs"><thead><tr><th>任务</th><th>月份</th><th>第几次</th><th>开始</th><th>结束</th><th>结果</th><th>说明</th></tr></thead>
                <tbody>{jobRows}</tbody></table>
                """);
        return PageResults.Page(context, "比对运行", Of($"""{content}<h2>定时任务</h2>{jobsContent}"""));
    }
}
