using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// Runs a processing server outside ASP.NET on the services of <see cref="JobsServiceCollectionExtensions.AddReliefMatchJobs"/>:
/// same storage, job classes and filters as the web host's. For tests and tools; dispose it to stop it.
/// </summary>
public static class JobServer
{
    public static BackgroundJobServer Start(IServiceProvider services, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<JobsOptions>();
        var server = new BackgroundJobServerOptions();
        JobsServiceCollectionExtensions.Configure(server, services, options, name ?? options.ServerName);
        return new BackgroundJobServer(server, services.GetRequiredService<JobStorage>());
    }
}
