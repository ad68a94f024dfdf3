using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// What every job does around its work: take the job's lock in the database (a second delivery of the same
/// job, or the same job on another server, waits and then finds the work done), record the execution in
/// reliefmatch.job_runs, and record how it ended. The work itself must be idempotent and write its result in
/// one transaction: the lock orders executions, the transaction and the unique keys make a repeat harmless.
/// </summary>
public sealed class JobExecution(JobsOptions options, TimeProvider time, ILogger<JobExecution> logger)
{
    /// <param name="job">The job's name (<see cref="JobNames"/>).</param>
    /// <param name="key">What it runs for: a period.</param>
    /// <param name="lockName">The lock taken: executions with the same lock name never overlap.</param>
    /// <param name="context">Hangfire's context, or null when called directly.</param>
    /// <param name="work">The work, given the execution's job_runs id; returns what it did, for the record (no personal data).</param>
    public async Task RunAsync(string job, string key, string lockName, PerformContext? context, Func<long, CancellationToken, Task<string>> work,
        CancellationToken cancellationToken)
    {
        var dataSource = options.Database.DataSource;
        await using var jobLock = await JobLock.AcquireAsync(dataSource, lockName, cancellationToken).ConfigureAwait(false);
        var runs = new JobRunStore(dataSource, time);
        var attempt = context is null ? 1 : context.GetJobParameter<int>("RetryCount") + 1;
        var runId = await runs.StartAsync(job, key, context?.BackgroundJob.Id, attempt, context?.ServerId ?? options.ServerName,
            lockCoversEveryKey: !string.Equals(lockName, LockFor(job, key), StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{Job} {Key}: started (execution {RunId}, attempt {Attempt})", job, key, runId, attempt);
        try
        {
            var detail = await work(runId, cancellationToken).ConfigureAwait(false);
            await runs.FinishAsync(runId, JobOutcome.Succeeded, detail).ConfigureAwait(false);
            logger.LogInformation("{Job} {Key}: {Detail}", job, key, detail);
        }
        catch (ReliefMatch.Host.Runs.RunRefusedException refusal)
        {
            // Declined with a reason (no data for the month): recorded as such and not retried; the job itself ends.
            await runs.FinishAsync(runId, JobOutcome.Refused, refusal.Message).ConfigureAwait(false);
            logger.LogWarning("{Job} {Key}: refused: {Reason}", job, key, refusal.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runs.FinishAsync(runId, JobOutcome.Cancelled, "运行中途停止（服务器关闭或任务被删除），本次的结果均未保留").ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            var transient = TransientFailures.IsTransient(e) ? "（暂时性故障，将自动重试）" : "";
            try
            {
                await runs.FinishAsync(runId, JobOutcome.Failed, Describe(e) + transient).ConfigureAwait(false);
            }
            catch (Exception recording) when (TransientFailures.IsTransient(recording))
            {
                // The database that failed the work cannot take the record either: the job's own failure is the one
                // that counts (and decides the retry); the run stays 'running' until a later execution ends it.
                logger.LogWarning("{Job} {Key}: the failure could not be recorded ({Error})", job, key, recording.GetType().Name);
            }
            throw;
        }
    }

    /// <summary>The lock name of a job that runs for one key at a time: <c>job:key</c>.</summary>
    public static string LockFor(string job, string key) => job + ":" + key;

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 2000 ? text : text[..2000];
    }
}
