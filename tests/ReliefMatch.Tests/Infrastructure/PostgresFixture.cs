using System.Globalization;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL for the whole test run: the private cluster started by the product's own
/// <see cref="PrivateCluster"/> in a temporary folder, or the server named by <c>RELIEFMATCH_TEST_DB</c>.
/// Each test gets a fresh, migrated database of its own. When no PostgreSQL can be had, every test using
/// the fixture fails (the fixture throws): storage tests never pass or skip without a database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "RELIEFMATCH_TEST_DB";

    private readonly List<string> _databases = [];
    private string? _home;
    private PrivateCluster? _cluster;
    private string _server = "";
    private int _counter;

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => _server;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
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
    }

    /// <summary>Creates an empty database (not migrated) and returns its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"rm_test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}");
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        lock (_databases)
        {
            _databases.Add(name);
        }
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    /// <summary>A fresh database, migrated, opened the way the application opens a configured server.</summary>
    public async Task<Database> NewDatabaseAsync() =>
        await Database.OpenAsync(new DatabaseOptions { ConnectionString = await CreateEmptyDatabaseAsync(), UseEnvironment = false });

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
