using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The workplace running in-process on 127.0.0.1 with a free port (real Kestrel, real PostgreSQL database of
/// its own, a state folder in the temp folder) and a fake clock: 2023-08-10 10:00 in China unless told.
/// </summary>
internal sealed class WorkplaceServer : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2023, 8, 10, 2, 0, 0, TimeSpan.Zero);

    private WorkplaceServer(Database database, FakeTimeProvider time, string home, WebApplication app, Uri address)
    {
        Database = database;
        Time = time;
        Home = home;
        App = app;
        Address = address;
    }

    public Database Database { get; }
    public FakeTimeProvider Time { get; }
    public string Home { get; }
    public string Inbox => Path.Combine(Home, "inbox");
    public WebApplication App { get; }
    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <param name="rulesFolder">The installation's rule folder (where a rule is published); the repository's rules, read only, unless given.</param>
    public static Task<WorkplaceServer> StartAsync(PostgresFixture postgres, WorkplaceHooks? hooks = null, string? rulesFolder = null) =>
        StartAsync(postgres, (_, _) => hooks ?? WorkplaceHooks.None, rulesFolder);

    /// <summary>
    /// The workplace with the scheduled jobs in the same host, as <c>reliefmatch serve</c> runs them: a Hangfire server of
    /// one worker polling every quarter second, no recurring jobs, the repository's rules.
    /// </summary>
    public static Task<WorkplaceServer> StartWithJobsAsync(PostgresFixture postgres) =>
        StartAsync(postgres, (database, home) => new WorkplaceHooks(
            builder => builder.Services.AddReliefMatchJobs(new JobsOptions
            {
                Database = database,
                Home = home,
                Installation = Installation.OfSample,
                InboxFolder = Path.Combine(home, "inbox"),
                RulesFolder = Path.Combine(RepositoryRoot.Path, "rules"),
                WorkerCount = 1,
                QueuePollInterval = TimeSpan.FromMilliseconds(250),
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                RegisterRecurringJobs = false,
                ServerName = "web-test",
            }),
            app => app.UseReliefMatchJobs()));

    private static async Task<WorkplaceServer> StartAsync(PostgresFixture postgres, Func<Database, string, WorkplaceHooks> hooksFor, string? rulesFolder = null)
    {
        var database = await postgres.NewDatabaseAsync();
        var time = new FakeTimeProvider(DefaultNow);
        var home = TempFolder.Create("reliefmatch-web");
        try
        {
            var settings = new WorkplaceSettings { Urls = "http://127.0.0.1:0", Home = home, Inbox = Path.Combine(home, "inbox"), Installation = Installation.OfSample, RulesFolder = rulesFolder };
            var rules = RuleFolder.Load(rulesFolder ?? Path.Combine(RepositoryRoot.Path, "rules"));
            var app = WorkplaceHost.Build(settings, database, rules, time, hooksFor(database, home));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new WorkplaceServer(database, time, home, app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await database.DisposeAsync();
            TempFolder.Delete(home);
            throw;
        }
    }

    public WorkplaceClient Client() => new(Address);

    public async Task<WorkplaceUser> AddUserAsync(string name, string? township, string password = WebTestData.Password)
    {
        var user = await new UserStore(Database.DataSource, Time).AddAsync(name, township is null ? UserRole.County : UserRole.Township, township, Passwords.Hash(password));
        return user ?? throw new InvalidOperationException($"User {name} exists already.");
    }

    /// <summary>Stores the findings of a run of <paramref name="period"/>, as the monthly run would.</summary>
    public Task<IReadOnlyList<StoredFinding>> SaveRunAsync(ReportingMonth period, params Finding[] findings) =>
        new FindingStore(Database.DataSource, Time).SaveRunAsync(period, findings);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        TempFolder.Delete(Home);
    }
}
