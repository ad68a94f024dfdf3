using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>Adds the scheduled jobs (Hangfire on the application's PostgreSQL) to a host.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job storage (Hangfire.PostgreSql, schema <c>hangfire</c> of the same database, on a data
    /// source of its own), the job classes, <see cref="JobScheduler"/>, the stores the web reads
    /// (<see cref="JobRunStore"/>, <see cref="SampleDrawStore"/>, <see cref="DueListStore"/>), and — when <see cref="JobsOptions.RunServer"/> —
    /// a processing server that starts and stops with the host. Storage, activator and filters are given to
    /// Hangfire explicitly rather than through its process-wide defaults. Call <see cref="JobsApplicationExtensions.UseReliefMatchJobs"/>
    /// on the built application.
    /// </summary>
    public static IServiceCollection AddReliefMatchJobs(this IServiceCollection services, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        services.AddSingleton(_ => new HangfireConnectionFactory(options.Database.CreateSeparate("reliefmatch-jobs")));
        services.AddSingleton<JobStorage>(sp =>
        {
            // Whatever uses the storage first (a server, the dashboard, an enqueue) gets Hangfire configured first.
            _ = sp.GetRequiredService<IGlobalConfiguration>();
            return CreateStorage(sp.GetRequiredService<HangfireConnectionFactory>(), options);
        });
        services.AddSingleton(_ => JobFilters.Create(options));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IRecurringJobManager>(sp => sp.GetRequiredService<RecurringJobManager>());
        services.AddSingleton<IRecurringJobManagerV2>(sp => sp.GetRequiredService<RecurringJobManager>());
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));

        // What the web reads: the record of executions, the sample draws and the due lists.
        services.AddSingleton(sp => new JobRunStore(options.Database.DataSource, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SampleDrawStore(options.Database.DataSource, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DueListStore(options.Database.DataSource, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<JobScheduler>();
        services.AddTransient<JobExecution>();
        services.AddTransient<ImportInboxJob>();
        services.AddTransient<MonthlyRunJob>();
        services.AddTransient<SplitRunJobs>();
        services.AddTransient<DueListJobs>();
        services.AddTransient<DibaoSampleJob>();

        if (options.RunServer)
        {
            services.AddHangfireServer((sp, server) => Configure(server, sp, options, options.ServerName));
        }
        return services;
    }

    /// <summary>Advisory lock key held while the scheduler's schema is installed or upgraded ("RMhang" in ASCII).</summary>
    private const string Schema = "hangfire";

    private const long InstallLockKey = 0x524D_6861_6E67;

    /// <summary>
    /// Opens the storage, installing or upgrading schema <c>hangfire</c> if needed. Two processes starting at once on a
    /// fresh database would both try to create it (the installer's check-then-create races: "schema hangfire already
    /// exists"); the install is therefore done under an advisory lock, one process after the other. The schema's owner
    /// installs it (the application role may use its tables, not change them), so the storage itself prepares nothing.
    /// </summary>
    private static PostgreSqlStorage CreateStorage(HangfireConnectionFactory connections, JobsOptions options)
    {
        using var connection = options.Database.DataSource.OpenConnection();
        using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({InstallLockKey})", connection) { CommandTimeout = 0 })
        {
            take.ExecuteNonQuery();
        }
        try
        {
            options.Database.PrepareSchemaAsOwner(Schema, owner => PostgreSqlObjectsInstaller.Install(owner, Schema));
            return new PostgreSqlStorage(connections, StorageOptions(options));
        }
        finally
        {
            using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({InstallLockKey})", connection);
            release.ExecuteNonQuery();
        }
    }

    /// <summary>The storage options: a 1-second queue poll (an upload's import starts within seconds) and a sliding invisibility timeout.</summary>
    public static PostgreSqlStorageOptions StorageOptions(JobsOptions options) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = false,
        QueuePollInterval = options.QueuePollInterval,
        InvisibilityTimeout = options.InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
    };

    internal static void Configure(BackgroundJobServerOptions server, IServiceProvider services, JobsOptions options, string? name)
    {
        server.WorkerCount = options.WorkerCount;
        server.SchedulePollingInterval = options.SchedulePollingInterval;
        server.Activator = services.GetRequiredService<JobActivator>();
        server.FilterProvider = services.GetRequiredService<IJobFilterProvider>();
        if (name is not null)
        {
            server.ServerName = name;
        }
    }
}
