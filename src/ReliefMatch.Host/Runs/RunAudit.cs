using System.Globalization;
using Npgsql;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// Every monthly run goes into the audit log as it starts (<see cref="AuditActions.RunMonth"/>): which month, which run,
/// and who started it — a workplace user, the scheduled job, or someone at the command line.
/// </summary>
public static class RunAudit
{
    /// <summary>The audit log's name for runs the job server starts (on schedule, or when triggered from the dashboard, itself audited).</summary>
    public const string ScheduledJob = "定时任务";

    /// <summary>The audit log's name for runs started at the command line, with the operating system's user.</summary>
    public static string CommandLine => $"命令行（{Environment.UserName}）";

    public static Task WriteAsync(NpgsqlDataSource dataSource, TimeProvider time, string? requestedBy, ReportingMonth period, long runId, CancellationToken cancellationToken) =>
        new AuditLog(dataSource, time).WriteAsync(new AuditEntry(requestedBy ?? CommandLine, null, null, AuditActions.RunMonth,
            string.Create(CultureInfo.InvariantCulture, $"{FindingText.ChineseMonth(period)}月度比对，运行编号 {runId}")), cancellationToken);
}
