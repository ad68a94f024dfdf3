using System.Globalization;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run: the private cluster started by the product's own
/// <see cref="PrivateCluster"/> in a temporary folder, or the server named by <c>RELIEFMATCH_TEST_DB</c>.
/// Each test gets a fresh, migrated database of its own, opened the way the application opens it: on the private
/// cluster, migrated as the owner role and used as the application role (so the suite proves the application
/// works without owning its tables). When no PostgreSQL can be had, every test using
/// the fixture fails (the fixture throws): storage tests never pass or skip without a database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "RELIEFMATCH_TEST_DB";

    private readonly List<string> _databases = [];
    private string? _home;
    private PrivateCluster? _cluster;
    private string _server = "";
    private ClusterRoles? _roles;
    private int _counter;

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => _server;

    public async Task InitializeAsync()
    {
        var configured = System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _server = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
            try
            {
                await using var probe = new NpgsqlConnection(_server);
                await probe.OpenAsync();
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new InvalidOperationException($"{EnvironmentVariable} names a PostgreSQL server that cannot be reached: {e.Message}", e);
            }
            return;
        }
        _home = TempFolder.Create("reliefmatch-pg");
        _cluster = await PrivateCluster.StartAsync(_home);
        _server = _cluster.ConnectionString("postgres");
        _roles = _cluster.Roles;
    }

    /// <summary>
    /// Creates an empty database (not migrated), owned by the owner role on the private cluster, and returns the
    /// application role's connection string to it (see <see cref="OwnerConnectionString"/> for the owner's).
    /// </summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"rm_test_{System.Environment.ProcessId}_{Interlocked.Increment(ref _counter)}");
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}" + (_roles is null ? "" : $" OWNER {ClusterRoles.OwnerRole}"), connection);
            await cmd.ExecuteNonQueryAsync();
        }
        lock (_databases)
        {
            _databases.Add(name);
        }
        return _roles is null ? new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString : _roles.ApplicationConnectionString(name);
    }

    /// <summary>The owner role's connection string to the database of <paramref name="applicationConnectionString"/> (the same string on a configured server).</summary>
    public string OwnerConnectionString(string applicationConnectionString) =>
        _roles is null ? applicationConnectionString : _roles.OwnerConnectionString(new NpgsqlConnectionStringBuilder(applicationConnectionString).Database!);

    /// <summary>How the application is told to use that database: as options, or as the environment of a process.</summary>
    public DatabaseOptions Options(string applicationConnectionString) => new()
    {
        ConnectionString = applicationConnectionString,
        OwnerConnectionString = _roles is null ? null : OwnerConnectionString(applicationConnectionString),
        UseEnvironment = false,
    };

    /// <inheritdoc cref="Options"/>
    public Dictionary<string, string?> Environment(string applicationConnectionString)
    {
        var environment = new Dictionary<string, string?> { [DatabaseOptions.EnvironmentVariable] = applicationConnectionString };
        if (_roles is not null)
        {
            environment[DatabaseOptions.OwnerEnvironmentVariable] = OwnerConnectionString(applicationConnectionString);
        }
        return environment;
    }

    /// <summary>A fresh, empty database, as the environment of a process (<c>RELIEFMATCH_DB</c> and <c>RELIEFMATCH_DB_OWNER</c>).</summary>
    public async Task<Dictionary<string, string?>> CreateEmptyDatabaseEnvironmentAsync() => Environment(await CreateEmptyDatabaseAsync());

    /// <summary>A fresh database, migrated, opened the way the application opens a configured server.</summary>
    public async Task<Database> NewDatabaseAsync() => await Database.OpenAsync(Options(await CreateEmptyDatabaseAsync()));

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server.Length > 0)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (_home is not null)
        {
            TempFolder.Delete(_home);
        }
    }
}
