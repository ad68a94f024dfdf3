using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Storage.Migrations;

namespace ReliefMatch.Storage;

/// <summary>
/// An open, migrated ReliefMatch database: a configured server (<c>RELIEFMATCH_DB</c>) or the private cluster,
/// which this object started (or joined) and stops (or leaves) when disposed.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly PrivateCluster? _cluster;

    private Database(NpgsqlDataSource dataSource, string connectionString, PrivateCluster? cluster, string description, int schemaVersion)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        _cluster = cluster;
        Description = description;
        SchemaVersion = schemaVersion;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// The connection string, password included: for a second data source of the same database (the job
    /// scheduler's), never to be shown. <see cref="NpgsqlDataSource.ConnectionString"/> leaves the password out.
    /// </summary>
    internal string ConnectionString { get; }

    /// <summary>Which server this is, for logs and error messages (never the password).</summary>
    public string Description { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>The private cluster, when this database runs on it.</summary>
    public PrivateCluster? Cluster => _cluster;

    /// <summary>
    /// Connects (starting the private cluster when no server is configured) and applies pending migrations.
    /// Throws <see cref="DatabaseUnavailableException"/> when no database can be had, naming what was tried and
    /// the fix, and <see cref="SchemaTooNewException"/> when the database belongs to a newer ReliefMatch.
    /// </summary>
    public static async Task<Database> OpenAsync(DatabaseOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var configured = options.EffectiveConnectionString();
        PrivateCluster? cluster = null;
        string connectionString;
        string description;
        if (configured is not null)
        {
            connectionString = configured;
            var b = new NpgsqlConnectionStringBuilder(configured);
            description = $"PostgreSQL at {b.Host}:{b.Port}, database {b.Database ?? b.Username}";
        }
        else
        {
            cluster = await PrivateCluster.StartAsync(options.Home, logger, cancellationToken).ConfigureAwait(false);
            connectionString = cluster.ConnectionString();
            description = $"private PostgreSQL at 127.0.0.1:{cluster.Port} ({cluster.Folder})";
        }

        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
            try
            {
                await using var probe = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new DatabaseUnavailableException(configured is not null
                    ? $"Could not connect to the PostgreSQL server named by {(options.ConnectionString is not null ? "the configured connection string" : DatabaseOptions.EnvironmentVariable)} ({description}): {e.Message}. " +
                      $"Fix: check that server and the connection string, or unset {DatabaseOptions.EnvironmentVariable} to use ReliefMatch's own private PostgreSQL."
                    : $"Could not connect to the {description}: {e.Message}.", e);
            }
            var version = await new Migrator(dataSource, logger).MigrateAsync(cancellationToken).ConfigureAwait(false);
            return new Database(dataSource, connectionString, cluster, description, version);
        }
        catch
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }
            if (cluster is not null)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
