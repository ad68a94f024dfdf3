using Hangfire;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// Puts the jobs on the scheduler: the recurring schedule (China Standard Time) and one-off runs, e.g. the
/// import right after an upload. Arguments are periods only (<c>YYYY-MM</c>), never personal data. Every
/// method returns at once; the job runs on a server (<see cref="JobsOptions.QueuePollInterval"/> after at most).
/// </summary>
public sealed class JobScheduler(IBackgroundJobClient client, IRecurringJobManagerV2 recurring)
{
    /// <summary>The recurring jobs: id, cron (minute hour day month weekday, Asia/Shanghai).</summary>
    public static IReadOnlyList<(string Id, string Cron)> Schedule { get; } =
    [
        (JobNames.ImportInbox, "*/10 * * * *"),
        (JobNames.MonthlyRun, "0 2 1 * *"),
        (JobNames.EconomicRecheck, "0 3 1 1,7 *"),
        (JobNames.OverdueList, "30 3 1 * *"),
        (JobNames.DibaoSample, "0 3 1 * *"),
    ];

    /// <summary>
    /// Registers (or updates) the recurring jobs under their fixed ids: safe to call at every start, on every
    /// server. Each is visible and can be triggered in the dashboard.
    /// </summary>
    public void RegisterRecurringJobs()
    {
        var options = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        foreach (var (id, cron) in Schedule)
        {
            switch (id)
            {
                case JobNames.ImportInbox:
                    recurring.AddOrUpdate<ImportInboxJob>(id, j => j.RunAsync(null, null, CancellationToken.None), cron, options);
                    break;
                case JobNames.MonthlyRun:
                    recurring.AddOrUpdate<MonthlyRunJob>(id, j => j.RunPreviousMonthAsync(null, CancellationToken.None), cron, options);
                    break;
                case JobNames.EconomicRecheck:
                    recurring.AddOrUpdate<DueListJobs>(id, j => j.RecheckThisMonthAsync(null, CancellationToken.None), cron, options);
                    break;
                case JobNames.OverdueList:
                    recurring.AddOrUpdate<DueListJobs>(id, j => j.OverduePreviousMonthAsync(null, CancellationToken.None), cron, options);
                    break;
                case JobNames.DibaoSample:
                    recurring.AddOrUpdate<DibaoSampleJob>(id, j => j.DrawPreviousMonthAsync(null, CancellationToken.None), cron, options);
                    break;
            }
        }
    }

    /// <summary>Runs a recurring job now, as the dashboard's “Trigger now” does; returns the new job's id.</summary>
    public string TriggerRecurring(string id) => recurring.TriggerJob(id);

    /// <summary>
    /// Imports the inbox now — call it right after an upload has put a complete file there. The files are
    /// stamped with <paramref name="period"/>, or with the current month (China Standard Time) when null.
    /// Returns the job id (the dashboard's #id; also the background_id of its job_runs row).
    /// </summary>
    public string EnqueueImport(string? period = null)
    {
        var checkedPeriod = period is null ? null : Checked(period);
        return client.Enqueue<ImportInboxJob>(j => j.RunAsync(checkedPeriod, null, CancellationToken.None));
    }

    /// <summary>The monthly run of <paramref name="period"/> (<c>YYYY-MM</c>), outputs to <c>&lt;outputs&gt;/&lt;period&gt;/</c>.</summary>
    public string EnqueueMonthlyRun(string period)
    {
        var p = Checked(period);
        return client.Enqueue<MonthlyRunJob>(j => j.RunAsync(p, null, CancellationToken.None));
    }

    /// <summary>The economic re-check due list of the month <paramref name="period"/> (as of its first day).</summary>
    public string EnqueueEconomicRecheck(string period)
    {
        var p = Checked(period);
        return client.Enqueue<DueListJobs>(j => j.RecheckAsync(p, null, CancellationToken.None));
    }

    /// <summary>The list of households overdue at the end of <paramref name="period"/>.</summary>
    public string EnqueueOverdueList(string period)
    {
        var p = Checked(period);
        return client.Enqueue<DueListJobs>(j => j.OverdueAsync(p, null, CancellationToken.None));
    }

    /// <summary>The sample of <paramref name="period"/>'s new 低保 approvals (kept if already drawn).</summary>
    public string EnqueueDibaoSample(string period)
    {
        var p = Checked(period);
        return client.Enqueue<DibaoSampleJob>(j => j.DrawAsync(p, null, CancellationToken.None));
    }

    /// <summary>The period in canonical form; throws <see cref="ArgumentException"/> for anything that is not <c>YYYY-MM</c>.</summary>
    private static string Checked(string period) => JobPeriods.Parse(period).ToString();
}
