using Hangfire.PostgreSql;
using Npgsql;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// Gives Hangfire connections from a data source of its own (same database and credentials as the
/// application's), so the scheduler's polling never takes the connections the runs and the web need. Owns
/// the data source and disposes it with itself.
/// </summary>
public sealed class HangfireConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory, IDisposable
{
    /// <summary>A new, closed connection: Hangfire opens it and disposes it after each use.</summary>
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();

    public void Dispose() => dataSource.Dispose();
}
