using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// How the scheduled jobs run: on which database, with which folders, and how eagerly the scheduler polls.
/// The defaults are the installation's; tests shorten the intervals.
/// </summary>
public sealed record JobsOptions
{
    /// <summary>The open, migrated database; the scheduler keeps its queue in its schema <c>hangfire</c>, on a data source of its own.</summary>
    public required Database Database { get; init; }

    /// <summary>The installation's state folder (<c>--home</c>): the inbox, the processed files and the outputs live under it.</summary>
    public required string Home { get; init; }

    /// <summary>The drop folder the web upload writes into and <c>import-inbox</c> reads; default <c>&lt;home&gt;/inbox</c>.</summary>
    public string? InboxFolder { get; init; }

    /// <summary>Where the monthly run writes <c>&lt;period&gt;/</c> (统计表, worklists, findings.csv); default <c>&lt;home&gt;/outputs</c>.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>The rule folder; null resolves it as the CLI does (<see cref="RuleFolder.Resolve"/>).</summary>
    public string? RulesFolder { get; init; }

    /// <summary>The county the jobs work for: the home's (<see cref="Installation"/>), never assumed.</summary>
    public required Installation Installation { get; init; }

    /// <summary>How often an idle worker looks for a new job: short, so that an uploaded file is imported within seconds.</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the server moves due scheduled jobs (retries) to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a fetched job stays invisible to other servers. The server renews it while the job runs
    /// (sliding), so a long monthly run is never handed to a second server; a job whose server died becomes
    /// visible again after this long.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int WorkerCount { get; init; } = 2;

    /// <summary>
    /// Into how many parts by resident ID the scheduled monthly run is split, each a job that any server sharing the
    /// database may take (<see cref="SplitRunJobs"/>); 1 runs it in one piece on the server that takes it.
    /// </summary>
    public int MonthlyRunParts { get; init; } = 1;

    /// <summary>The waits before the retries of a transient failure (one retry per entry; 3 by default).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>Whether <see cref="JobsServiceCollectionExtensions.AddReliefMatchJobs"/> adds a processing server to the host.</summary>
    public bool RunServer { get; init; } = true;

    /// <summary>Whether <see cref="JobsApplicationExtensions.UseReliefMatchJobs"/> registers the recurring jobs.</summary>
    public bool RegisterRecurringJobs { get; init; } = true;

    /// <summary>The server's name in the dashboard; the machine name by default.</summary>
    public string? ServerName { get; init; }

    /// <summary>Where the dashboard is mapped.</summary>
    public string DashboardPath { get; init; } = "/hangfire";

    public string EffectiveInbox => InboxFolder ?? Path.Combine(Home, "inbox");

    public string EffectiveOutputs => OutputFolder ?? Path.Combine(Home, "outputs");
}
