using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Host.Web;

/// <summary>
/// Keeps <c>serve</c>'s private PostgreSQL running: every <see cref="Interval"/> it looks whether the server is still
/// there and, when it has gone (killed, stopped by hand, crashed), starts it again through the cluster's own start
/// path (same port and settings, roles made sure of) and empties the connection pools, so pages that failed
/// meanwhile work again without a restart of <c>serve</c>. A start that fails is tried again after a wait that
/// doubles up to <see cref="MaxBackoff"/>. It stops watching when the host stops; the server it started is stopped
/// with the cluster, as one started at launch is.
/// </summary>
/// <remarks>Only when the program runs on its private cluster: a server named by RELIEFMATCH_DB is its operator's to run.</remarks>
public sealed class ClusterWatchdog(Database database, PrivateCluster cluster, TimeProvider time, ILogger<ClusterWatchdog> logger) : BackgroundService
{
    /// <summary>How often the server is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between failed starts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                if (await cluster.StartAgainIfStoppedAsync(stoppingToken).ConfigureAwait(false))
                {
                    // Idle connections in the pools point at the server that died.
                    database.DataSource.Clear();
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    logger.LogWarning("The private PostgreSQL was started again on 127.0.0.1:{Port}", cluster.Port);
                }
                wait = Interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong, the watchdog keeps watching: an exception escaping it would stop serve.
                wait = wait * 2 > MaxBackoff ? MaxBackoff : wait * 2;
                logger.LogError("The private PostgreSQL could not be started again; next try in {Seconds} s: {Message}", (int)wait.TotalSeconds, e.Message);
            }
        }
    }
}
