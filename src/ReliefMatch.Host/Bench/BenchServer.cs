using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// The PostgreSQL server the bench runs against: the one named by <c>RELIEFMATCH_DB</c>, else a private cluster
/// under the work folder (created on first use, like the application's own). Every size gets a fresh database
/// of its own, <c>reliefmatch_bench_&lt;households&gt;</c>, so that no run sees another's data.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private const string DatabasePrefix = "reliefmatch_bench_";

    private readonly string _adminConnectionString;
    private readonly PrivateCluster? _cluster;

    private BenchServer(string adminConnectionString, PrivateCluster? cluster, string description)
    {
        _adminConnectionString = adminConnectionString;
        _cluster = cluster;
        Description = description;
    }

    /// <summary>Which server, for the report (never the password).</summary>
    public string Description { get; }

    /// <summary>The private cluster's data folder, or null for a configured server (whose memory is not ours to read).</summary>
    public string? ClusterDataDirectory => _cluster?.DataDirectory;

    /// <summary>Connects to <c>RELIEFMATCH_DB</c> when set, else starts (creating if need be) the private cluster in <paramref name="workDirectory"/>.</summary>
    public static async Task<BenchServer> StartAsync(string workDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = new DatabaseOptions().EffectiveConnectionString();
        if (configured is not null)
        {
            var b = new NpgsqlConnectionStringBuilder(configured);
            return new BenchServer(configured, null, $"PostgreSQL at {b.Host}:{b.Port} ({DatabaseOptions.EnvironmentVariable})");
        }
        var cluster = await PrivateCluster.StartAsync(workDirectory, logger, cancellationToken).ConfigureAwait(false);
        return new BenchServer(cluster.ConnectionString("postgres"), cluster, $"private PostgreSQL at 127.0.0.1:{cluster.Port} ({cluster.Folder})");
    }

    /// <summary>A server reached through <paramref name="adminConnectionString"/> (a user allowed to create databases), started by someone else.</summary>
    public static BenchServer OnServer(string adminConnectionString, string description) => new(adminConnectionString, null, description);

    public static string DatabaseName(int households) => DatabasePrefix + households.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops the size's database if an earlier bench left it, creates it empty and says how to open it: on the private
    /// cluster as the application does (owned by the owner role, used as the application role), else as the configured user.
    /// </summary>
    public async Task<DatabaseOptions> CreateDatabaseAsync(int households, CancellationToken cancellationToken)
    {
        var name = DatabaseName(households);
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name}" + (_cluster is null ? "" : $" OWNER {ClusterRoles.OwnerRole}"), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseUnavailableException(
                $"The bench needs a fresh database per size, but {Description} refuses CREATE DATABASE {name}: {e.MessageText}. " +
                $"Fix: grant CREATEDB to the user of {DatabaseOptions.EnvironmentVariable}, or unset it to bench on a private PostgreSQL.", e);
        }
        if (_cluster is not null)
        {
            return new DatabaseOptions
            {
                ConnectionString = new NpgsqlConnectionStringBuilder(_cluster.Roles.ApplicationConnectionString(name)) { CommandTimeout = 0 }.ConnectionString,
                OwnerConnectionString = _cluster.Roles.OwnerConnectionString(name),
                UseEnvironment = false,
            };
        }
        return new DatabaseOptions
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, CommandTimeout = 0 }.ConnectionString,
            UseEnvironment = false,
        };
    }

    public Task DropDatabaseAsync(int households, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName(households)} WITH (FORCE)", cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        // Unpooled: the admin connection must not sit in a pool that outlives the server.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_adminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leaves the private cluster (stopping it when no one else uses it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
