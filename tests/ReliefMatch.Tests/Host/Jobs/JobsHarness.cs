using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>
/// The jobs wired as the web host wires them (<see cref="JobsServiceCollectionExtensions.AddReliefMatchJobs"/>) on a
/// fresh test database, with real Hangfire servers started by <see cref="JobServer.Start"/> on the same
/// PostgreSQL storage. Intervals are short so that tests wait little; servers stop when the harness is disposed.
/// </summary>
internal sealed class JobsHarness : IAsyncDisposable
{
    private readonly List<BackgroundJobServer> _servers = [];
    private readonly TestDropFolder _drop = new();

    private JobsHarness(Database database, string home, ServiceProvider services)
    {
        Database = database;
        Home = home;
        Services = services;
    }

    public Database Database { get; }

    public string Home { get; }

    public ServiceProvider Services { get; }

    public JobsOptions Options => Services.GetRequiredService<JobsOptions>();

    public JobScheduler Scheduler => Services.GetRequiredService<JobScheduler>();

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    /// <param name="log">Where the jobs' log goes (by default nowhere).</param>
    public static async Task<JobsHarness> StartAsync(PostgresFixture postgres, Func<JobsOptions, JobsOptions>? adjust = null, TimeProvider? time = null,
        ILoggerProvider? log = null)
    {
        var database = await postgres.NewDatabaseAsync();
        var home = TempFolder.Create("reliefmatch-jobs");
        var options = new JobsOptions
        {
            Database = database,
            Home = home,
            RulesFolder = ShippedRules.Folder,
            Installation = Installation.OfSample,
            RunServer = false,
            QueuePollInterval = TimeSpan.FromMilliseconds(250),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)],
            ServerName = "test",
        };
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }
        if (log is not null)
        {
            services.AddLogging(b => b.AddProvider(log));
        }
        services.AddReliefMatchJobs(adjust is null ? options : adjust(options));
        return new JobsHarness(database, home, services.BuildServiceProvider());
    }

    /// <summary>A processing server on the harness's storage, stopped when the harness is disposed.</summary>
    public BackgroundJobServer StartServer(string name)
    {
        var server = JobServer.Start(Services, name);
        _servers.Add(server);
        return server;
    }

    /// <summary>Stops a server now (its running jobs see their cancellation token fire).</summary>
    public void StopServer(BackgroundJobServer server)
    {
        _servers.Remove(server);
        server.Dispose();
    }

    /// <summary>Imports roster records for a period, as a roster file dropped and imported would.</summary>
    public async Task ImportRosterAsync(ReportingMonth period, string name, params RosterRecord[] records)
    {
        var path = _drop.Add(SourceKind.Roster, name, $"{name} {period}", () => new TestExtract(records));
        var report = await new ExtractImporter(Database.DataSource, new FakeTimeProvider(), _drop.Opener).ImportFileAsync(path, SourceKind.Roster, period);
        Assert.Null(report.RefusedReason);
    }

    /// <summary>Waits until the job is in one of <paramref name="states"/> and returns that state's name.</summary>
    public async Task<string> WaitForStateAsync(string jobId, TimeSpan timeout, params string[] states)
    {
        var clock = Stopwatch.StartNew();
        string? current = null;
        while (clock.Elapsed < timeout)
        {
            using (var connection = Storage.GetConnection())
            {
                current = connection.GetStateData(jobId)?.Name;
            }
            if (current is not null && states.Contains(current))
            {
                return current;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {jobId} is {current ?? "nowhere"} after {timeout}, not {string.Join(" or ", states)}.");
    }

    public Task<string> WaitForSuccessAsync(string jobId) => WaitForStateAsync(jobId, TimeSpan.FromSeconds(60), "Succeeded", "Failed", "Deleted");

    public async ValueTask DisposeAsync()
    {
        // Stop all servers at once: each waits for its workers to notice.
        await Task.WhenAll(_servers.Select(s => Task.Run(s.Dispose)));
        _servers.Clear();
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        _drop.Dispose();
        TempFolder.Delete(Home);
    }
}
