using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// What the county does on the jobs dashboard goes into the audit log like any other act: a job run at once or queued
/// again (<see cref="AuditActions.TriggerJob"/>), a job deleted or a recurring job removed (<see cref="AuditActions.JobsDashboard"/>),
/// with the jobs named. The dashboard's commands are POSTs (its pages are GETs and change nothing).
/// </summary>
public static class DashboardAudit
{
    /// <summary>
    /// Runs the dashboard's handling of the request and, when it was a command the dashboard took (a POST answered
    /// below 400), writes it to the audit log.
    /// </summary>
    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }
        // Read before the dashboard reads it: the form is kept on the request, so the dashboard reads the same values.
        var jobs = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted))["jobs[]"].OfType<string>().ToList()
            : [];
        var path = context.Request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (jobs.Count == 0 && segments.Length >= 5 && segments[^3] == "actions")
        {
            jobs.Add(segments[^1]); // /hangfire/jobs/actions/requeue/{id}
        }
        await next(context);
        if (context.Response.StatusCode >= 400)
        {
            return;
        }
        var (action, verb) = Command(segments.Length >= 5 && segments[^3] == "actions" ? segments[^2] : segments.LastOrDefault() ?? "", path);
        await WorkplaceAudit.WriteAsync(context, action, $"{verb}：{(jobs.Count == 0 ? "（未指明任务）" : string.Join("、", jobs))}", jobs.Count);
    }

    private static (string Action, string Verb) Command(string last, string path) => last switch
    {
        "trigger" => (AuditActions.TriggerJob, "立即执行定时任务"),
        "requeue" => (AuditActions.TriggerJob, "重新排队执行任务"),
        "enqueue" => (AuditActions.TriggerJob, "立即排队执行任务"),
        "delete" => (AuditActions.JobsDashboard, "删除任务"),
        "remove" => (AuditActions.JobsDashboard, "删除定时任务"),
        "disable" => (AuditActions.JobsDashboard, "停用定时任务"),
        "enable" => (AuditActions.JobsDashboard, "启用定时任务"),
        _ => (AuditActions.JobsDashboard, $"任务面板操作 {path}"),
    };
}
