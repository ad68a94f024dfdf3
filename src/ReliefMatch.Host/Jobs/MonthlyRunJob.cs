using System.ComponentModel;
using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// <c>monthly-run</c>: the monthly run of a period over what is imported (the inbox is imported by
/// <c>import-inbox</c>), with its outputs — the 统计表, the worklists, findings.csv — written to
/// <c>&lt;outputs&gt;/&lt;period&gt;/</c>. The findings are saved in one transaction (FindingStore) and the
/// outputs are written into a fresh folder that then replaces the old one, so a run cut off mid-way and run
/// again leaves what one clean run leaves. The run itself is recorded in reliefmatch.runs as well.
/// </summary>
public sealed class MonthlyRunJob(JobsOptions options, TimeProvider time, JobExecution execution, IBackgroundJobClient jobs, ILogger<MonthlyRunJob> logger)
{
    /// <summary>The scheduled run: the month before the one the job was created in.</summary>
    [DisplayName("月度比对（上月）")]
    public Task RunPreviousMonthAsync(PerformContext? context, CancellationToken cancellationToken) =>
        RunMonthAsync(JobPeriods.Previous(context, time), context, cancellationToken);

    [DisplayName("月度比对 {0}")]
    public Task RunAsync(string period, PerformContext? context, CancellationToken cancellationToken) =>
        RunMonthAsync(JobPeriods.Parse(period), context, cancellationToken);

    private Task RunMonthAsync(ReportingMonth period, PerformContext? context, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        return execution.RunAsync(JobNames.MonthlyRun, key, JobExecution.LockFor(JobNames.MonthlyRun, key), context, async (_, ct) =>
        {
            var rulesFolder = RuleFolder.Resolve(options.RulesFolder);
            var rules = RuleFolder.Load(rulesFolder);
            if (options.MonthlyRunParts > 1)
            {
                var runId = await SplitRunJobs.StartAsync(jobs, new SplitRun(options.Database.DataSource, rules, options.Installation, time, logger),
                    period, options.MonthlyRunParts, ct).ConfigureAwait(false);
                await RunAudit.WriteAsync(options.Database.DataSource, time, RunAudit.ScheduledJob, period, runId, ct).ConfigureAwait(false);
                return string.Create(CultureInfo.InvariantCulture, $"运行 {runId}：按身份证号分为 {options.MonthlyRunParts} 片，每片作为一个任务排队");
            }
            return await IntoFreshFolderAsync(options.EffectiveOutputs, key, async fresh =>
            {
                var result = await new MonthlyRun(options.Database.DataSource, rules, options.Installation, time, logger) { Sanity = RuleFolder.LoadSanity(rulesFolder) }
                    .ExecuteAsync(new MonthlyRunRequest(period, null, fresh)
                    {
                        RequestedBy = RunAudit.ScheduledJob,
                        PreviousOutputDirectory = Path.Combine(options.EffectiveOutputs, key),
                    }, null, ct).ConfigureAwait(false);
                return Describe(result);
            }).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>What a run did, for the record of executions (no personal data).</summary>
    internal static string Describe(MonthlyRunResult result)
    {
        var key = result.Period.ToString();
        var newFindings = result.Findings.Count(f => f.FirstSeen == result.Period);
        var outputs = result.OutputsKeptIn is null
            ? string.Create(CultureInfo.InvariantCulture, $"输出 {result.Outputs?.Files.Count ?? 0} 个文件到 outputs/{key}/")
            : RunDescription.OutputsKept($"outputs/{key}/");
        return string.Create(CultureInfo.InvariantCulture,
            $"运行 {result.RunId}：预警 {result.Findings.Count} 条，其中 {newFindings} 条首次出现于 {key}；{outputs}");
    }

    /// <summary>
    /// Has <paramref name="write"/> fill a fresh folder under <paramref name="outputs"/>, then puts it (when written) in place of
    /// <c>outputs/key</c>: readers never see a half-written folder, and a write cut off mid-way leaves the old one.
    /// </summary>
    internal static async Task<T> IntoFreshFolderAsync<T>(string outputs, string key, Func<string, Task<T>> write)
    {
        Directory.CreateDirectory(outputs);
        var fresh = Path.Combine(outputs, $".{key}.{Guid.NewGuid():N}");
        try
        {
            var result = await write(fresh).ConfigureAwait(false);
            if (Directory.Exists(fresh))
            {
                Replace(Path.Combine(outputs, key), fresh);
            }
            return result;
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    /// <summary>Puts the freshly written folder in place of the old one (a folder rename is atomic; the old one goes first).</summary>
    private static void Replace(string final, string fresh)
    {
        if (Directory.Exists(final))
        {
            var old = Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.old-{Guid.NewGuid():N}");
            Directory.Move(final, old);
            Directory.Move(fresh, final);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(fresh, final);
        }
    }
}
