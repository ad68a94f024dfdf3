using System.ComponentModel;
using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The jobs of a monthly run split by resident ID (<see cref="SplitRun"/>): one <c>monthly-run-part</c> job per part,
/// taken by whichever server sharing the database is free, and one <c>monthly-run-merge</c> job, enqueued by the
/// part that finishes last, which saves the run and writes <c>&lt;outputs&gt;/&lt;period&gt;/</c>. A part delivered
/// twice keeps its first result; a merge delivered twice finds the run done.
/// </summary>
public sealed class SplitRunJobs(JobsOptions options, TimeProvider time, JobExecution execution, IBackgroundJobClient jobs, ILogger<SplitRunJobs> logger)
{
    /// <summary>Records a split run of <paramref name="period"/> and queues its parts; returns the run's id.</summary>
    public static async Task<long> StartAsync(IBackgroundJobClient jobs, SplitRun split, ReportingMonth period, int parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(split);
        var runId = await split.StartAsync(period, parts, cancellationToken).ConfigureAwait(false);
        var key = period.ToString();
        foreach (var part in IdPartition.All(parts))
        {
            jobs.Enqueue<SplitRunJobs>(j => j.EvaluatePartAsync(runId, key, part.Index, part.Count, null, CancellationToken.None));
        }
        return runId;
    }

    [DisplayName("月度比对 {1} 分片 {2}/{3}（运行 {0}）")]
    public Task EvaluatePartAsync(long runId, string period, int part, int parts, PerformContext? context, CancellationToken cancellationToken)
    {
        var partition = new IdPartition(part, parts);
        var key = string.Create(CultureInfo.InvariantCulture, $"{period} 第 {partition} 片（运行 {runId}）");
        return execution.RunAsync(JobNames.MonthlyRunPart, key, JobExecution.LockFor(JobNames.MonthlyRunPart, key), context, async (_, ct) =>
        {
            var split = Split();
            bool last;
            try
            {
                last = await split.EvaluatePartAsync(runId, partition, context?.ServerId ?? options.ServerName, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && !TransientFailures.IsTransient(e))
            {
                await split.FailAsync(runId, $"第 {partition} 片：{e.Message}", CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            if (!last)
            {
                return $"运行 {runId} 的第 {partition} 片已保存";
            }
            jobs.Enqueue<SplitRunJobs>(j => j.MergeAsync(runId, period, null, CancellationToken.None));
            return $"运行 {runId} 的第 {partition} 片已保存，是最后一片：合并已排队";
        }, cancellationToken);
    }

    [DisplayName("月度比对 {1} 合并（运行 {0}）")]
    public Task MergeAsync(long runId, string period, PerformContext? context, CancellationToken cancellationToken) =>
        execution.RunAsync(JobNames.MonthlyRunMerge, period, JobExecution.LockFor(JobNames.MonthlyRunMerge, period), context, async (_, ct) =>
        {
            var result = await MonthlyRunJob.IntoFreshFolderAsync(options.EffectiveOutputs, period,
                fresh => Split().MergeAsync(runId, fresh, ct)).ConfigureAwait(false);
            return result is null ? $"运行 {runId} 已合并过（或已失败）：无需再做" : MonthlyRunJob.Describe(result);
        }, cancellationToken);

    private SplitRun Split() =>
        new(options.Database.DataSource, RuleFolder.Load(RuleFolder.Resolve(options.RulesFolder)), options.Installation, time, logger);
}
