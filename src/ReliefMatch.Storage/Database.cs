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

    private Database(NpgsqlDataSource dataSource, string connectionString, string? ownerConnectionString, string applicationRole, PrivateCluster? cluster, string description, int schemaVersion)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        ApplicationRole = applicationRole;
        _cluster = cluster;
        Description = description;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The application's connections: as the application role, never the schema's owner when an owner is configured.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// The connection string, password included: for a second data source of the same database (the job
    /// scheduler's), never to be shown. <see cref="NpgsqlDataSource.ConnectionString"/> leaves the password out.
    /// </summary>
    internal string ConnectionString { get; }

    /// <summary>The schema owner's connection string; null when the application's connection is the owner's too.</summary>
    private string? OwnerConnectionString { get; }

    /// <summary>The database role the application connects as.</summary>
    public string ApplicationRole { get; }

    /// <summary>Which server this is, for logs and error messages (never the password).</summary>
    public string Description { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>The private cluster, when this database runs on it.</summary>
    public PrivateCluster? Cluster => _cluster;

    /// <summary>
    /// Connects (starting the private cluster when no server is configured) and applies pending migrations as the
    /// schema's owner; the returned database's connections are the application role's.
    /// Throws <see cref="DatabaseUnavailableException"/> when no database can be had, naming what was tried and
    /// the fix, and <see cref="SchemaTooNewException"/> when the database belongs to a newer ReliefMatch.
    /// </summary>
    public static async Task<Database> OpenAsync(DatabaseOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var configured = options.EffectiveConnectionString();
        var configuredOwner = options.EffectiveOwnerConnectionString();
        if (configured is null && configuredOwner is not null)
        {
            throw new DatabaseUnavailableException(
                $"{DatabaseOptions.OwnerEnvironmentVariable} is set but {DatabaseOptions.EnvironmentVariable} is not: the owner's connection is only for migrations. " +
                $"Fix: set {DatabaseOptions.EnvironmentVariable} to the application role's connection string too, or unset both to use ReliefMatch's own private PostgreSQL.");
        }
        PrivateCluster? cluster = null;
        string connectionString;
        string ownerConnectionString;
        string description;
        if (configured is not null)
        {
            connectionString = configured;
            ownerConnectionString = configuredOwner ?? configured;
            var b = new NpgsqlConnectionStringBuilder(configured);
            description = $"PostgreSQL at {b.Host}:{b.Port}, database {b.Database ?? b.Username}";
        }
        else
        {
            cluster = await PrivateCluster.StartAsync(options.Home, logger, cancellationToken).ConfigureAwait(false);
            connectionString = cluster.Roles.ApplicationConnectionString();
            ownerConnectionString = cluster.Roles.OwnerConnectionString();
            description = $"private PostgreSQL at 127.0.0.1:{cluster.Port} ({cluster.Folder})";
        }

        var separateOwner = cluster is not null || configuredOwner is not null;
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
            string role;
            try
            {
                await using var probe = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var who = new NpgsqlCommand("SELECT current_user", probe);
                role = (string)(await who.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new DatabaseUnavailableException(configured is not null
                    ? $"Could not connect to the PostgreSQL server named by {(options.ConnectionString is not null ? "the configured connection string" : DatabaseOptions.EnvironmentVariable)} ({description}): {e.Message}. " +
                      $"Fix: check that server and the connection string, or unset {DatabaseOptions.EnvironmentVariable} to use ReliefMatch's own private PostgreSQL."
                    : $"Could not connect to the {description}: {e.Message}.", e);
            }
            int version;
            await using (var owner = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString).Build())
            {
                var migrator = new Migrator(owner, logger);
                try
                {
                    version = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (NpgsqlException e) when (separateOwner && e is not PostgresException)
                {
                    throw new DatabaseUnavailableException(
                        $"Could not migrate the schema as the owner named by {(cluster is null ? DatabaseOptions.OwnerEnvironmentVariable : "the private cluster")} ({description}): {e.Message}.", e);
                }
                await migrator.GrantAsync(role, cancellationToken).ConfigureAwait(false);
            }
            await CheckApplicationRoleAsync(dataSource, role, separateOwner, logger, cancellationToken).ConfigureAwait(false);
            return new Database(dataSource, connectionString, separateOwner ? ownerConnectionString : null, role, cluster, description, version);
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

    /// <summary>
    /// With a separate owner, the application role must not be able to rewrite the audit log, and must bypass
    /// row-level security (its batch writes by binary COPY); with one connection string, as before, the program runs
    /// but says in the log that the audit log is then not protected from it.
    /// </summary>
    private static async Task CheckApplicationRoleAsync(NpgsqlDataSource dataSource, string role, bool separateOwner, ILogger logger, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT r.rolsuper, r.rolbypassrls, pg_has_role(current_user, c.relowner, 'USAGE')
            FROM pg_roles r, pg_class c
            WHERE r.rolname = current_user AND c.oid = 'reliefmatch.audit_log'::regclass
            """);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (superuser, bypassesRowSecurity, ownsAuditLog) = (r.GetBoolean(0), r.GetBoolean(1), r.GetBoolean(2));
        if (superuser || ownsAuditLog)
        {
            logger.LogWarning(
                "The application connects as the database role {Role}, which {What}: it could switch the audit log's protection off. " +
                "Set {Owner} to the owner's connection string and {Application} to a role of its own (README, 'Database roles')",
                role, superuser ? "is a superuser" : "owns the audit log", DatabaseOptions.OwnerEnvironmentVariable, DatabaseOptions.EnvironmentVariable);
        }
        else if (separateOwner && !bypassesRowSecurity)
        {
            throw new DatabaseUnavailableException(
                $"The application's database role {role} lacks BYPASSRLS, which the batch needs to save findings and extracts by COPY. " +
                $"Fix: as a superuser, ALTER ROLE {role} BYPASSRLS; (README, 'Database roles').");
        }
    }

    /// <summary>
    /// Runs <paramref name="install"/> (the job scheduler's schema installer) as the schema's owner, then lets the
    /// application role read and write the tables of <paramref name="schema"/> (it cannot change their definition).
    /// </summary>
    public void PrepareSchemaAsOwner(string schema, Action<NpgsqlConnection> install)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentNullException.ThrowIfNull(install);
        using var owner = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(OwnerConnectionString ?? ConnectionString) { Pooling = false }.ConnectionString);
        owner.Open();
        install(owner);
        if (OwnerConnectionString is null)
        {
            return;
        }
        using var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA {Quote(schema)} TO {Quote(ApplicationRole)};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Quote(schema)} TO {Quote(ApplicationRole)};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {Quote(schema)} TO {Quote(ApplicationRole)};
            """, owner);
        grant.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
