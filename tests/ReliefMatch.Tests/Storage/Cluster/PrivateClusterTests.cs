using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Cluster;

/// <summary>The private cluster on a real PostgreSQL installation, each test in a state folder of its own.</summary>
public sealed class PrivateClusterTests : IAsyncLifetime
{
    private readonly string _home = TempFolder.Create("reliefmatch-home");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // A test that failed half-way may have left its server running.
        await PrivateCluster.StopAsync(_home);
        TempFolder.Delete(_home);
    }

    [Fact]
    public async Task StartAsync_EmptyFolder_CreatesClusterOnLoopbackWithPasswordOnly()
    {
        await using (var cluster = await PrivateCluster.StartAsync(_home))
        {
            Assert.True(cluster.StartedHere);
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            Assert.Equal("reliefmatch", connection.Database);
            Assert.Equal("127.0.0.1", await ShowAsync(connection, "listen_addresses"));
            Assert.Equal("", await ShowAsync(connection, "unix_socket_directories"));
            Assert.Equal(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ShowAsync(connection, "port"));
            Assert.Equal("off", await ShowAsync(connection, "synchronous_commit"));
            Assert.Equal("on", await ShowAsync(connection, "fsync"));

            var password = Path.Combine(_home, "postgres", "password");
            Assert.True(File.Exists(password));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(password));
            }

            var wrong = new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Password = "not-the-password" };
            await using var intruder = new NpgsqlConnection(wrong.ConnectionString);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => intruder.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        }
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public async Task StartAsync_AlreadyRunning_ReusesItAndLeavesItRunningForTheOther()
    {
        var first = await PrivateCluster.StartAsync(_home);
        await using (var second = await PrivateCluster.StartAsync(_home))
        {
            Assert.True(first.StartedHere);
            Assert.False(second.StartedHere);
            Assert.Equal(first.Port, second.Port);
            await using var connection = new NpgsqlConnection(second.ConnectionString());
            await connection.OpenAsync();
        }
        Assert.True(await PrivateCluster.IsRunningAsync(_home));
        await using (var connection = new NpgsqlConnection(first.ConnectionString()))
        {
            await connection.OpenAsync();
        }
        await first.DisposeAsync();
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public async Task DisposeAsync_StarterLeavesFirst_LastUserStopsTheServer()
    {
        var first = await PrivateCluster.StartAsync(_home);
        var second = await PrivateCluster.StartAsync(_home);
        await first.DisposeAsync();
        Assert.True(await PrivateCluster.IsRunningAsync(_home));
        await second.DisposeAsync();
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public async Task StartAsync_StoppedCluster_RestartsWithSamePortAndKeepsData()
    {
        int port;
        await using (var cluster = await PrivateCluster.StartAsync(_home))
        {
            port = cluster.Port;
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('永福')", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var again = await PrivateCluster.StartAsync(_home))
        {
            Assert.True(again.StartedHere);
            Assert.Equal(port, again.Port);
            await using var connection = new NpgsqlConnection(again.ConnectionString());
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("永福", await cmd.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task StartAsync_ClusterWithAnEarlierVersionsSettings_StartsWithTodays()
    {
        await using (await PrivateCluster.StartAsync(_home))
        {
        }
        // As an earlier version wrote it: fewer connections.
        var settings = Path.Combine(_home, "postgres", "data", "reliefmatch.conf");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("max_connections = 100", "max_connections = 40", StringComparison.Ordinal));

        await using var again = await PrivateCluster.StartAsync(_home);
        await using var connection = new NpgsqlConnection(again.ConnectionString());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SHOW max_connections", connection);
        Assert.Equal("100", await cmd.ExecuteScalarAsync());
        Assert.Contains("max_connections = 100", File.ReadAllText(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TwoAtOnceOnEmptyFolder_OneCreatesTheOtherReuses()
    {
        var both = await Task.WhenAll(PrivateCluster.StartAsync(_home), PrivateCluster.StartAsync(_home));

        Assert.Equal(1, both.Count(c => c.StartedHere));
        Assert.Equal(both[0].Port, both[1].Port);
        foreach (var cluster in both)
        {
            await cluster.DisposeAsync();
        }
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public async Task StartAsync_RememberedPortTakenByAnotherProgram_MovesToAFreePort()
    {
        int port;
        await using (var cluster = await PrivateCluster.StartAsync(_home))
        {
            port = cluster.Port;
        }
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        squatter.Start();

        await using var moved = await PrivateCluster.StartAsync(_home);

        Assert.NotEqual(port, moved.Port);
        await using var connection = new NpgsqlConnection(moved.ConnectionString());
        await connection.OpenAsync();
        Assert.Contains(moved.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await File.ReadAllTextAsync(Path.Combine(_home, "postgres", "cluster.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoServerConfigured_RunsMigratedPrivateClusterAndStopsIt()
    {
        await using (var db = await Database.OpenAsync(new DatabaseOptions { Home = _home, UseEnvironment = false }))
        {
            Assert.NotNull(db.Cluster);
            Assert.Contains("private PostgreSQL", db.Description, StringComparison.Ordinal);
            Assert.Equal(ReliefMatch.Storage.Migrations.Migration.Latest, db.SchemaVersion);
            await using var cmd = db.DataSource.CreateCommand("SELECT count(*) FROM reliefmatch.extracts");
            Assert.Equal(0L, await cmd.ExecuteScalarAsync());
        }
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public async Task OpenAsync_ClusterOfAnEarlierVersion_GetsItsRolesAndTheApplicationConnectsAsNeitherSuperuserNorOwner()
    {
        await (await PrivateCluster.StartAsync(_home)).DisposeAsync();
        // What an earlier version left: a pg_hba.conf that lets the superuser alone in, no role passwords.
        var folder = Path.Combine(_home, "postgres");
        await File.WriteAllTextAsync(Path.Combine(folder, "data", "pg_hba.conf"), "host    all    reliefmatch    127.0.0.1/32    scram-sha-256\n");
        File.Delete(Path.Combine(folder, "app-password"));

        await using (var db = await Database.OpenAsync(new DatabaseOptions { Home = _home, UseEnvironment = false }))
        {
            Assert.Equal(ClusterRoles.ApplicationRole, db.ApplicationRole);
            await using var cmd = db.DataSource.CreateCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            Assert.Equal(false, await cmd.ExecuteScalarAsync());
        }
        foreach (var secret in new[] { "password", "owner-password", "app-password" })
        {
            var path = Path.Combine(folder, secret);
            Assert.True(File.Exists(path), path);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
    }

    [Fact]
    public async Task StopAsync_ServerInUse_StopsItAnyway()
    {
        var cluster = await PrivateCluster.StartAsync(_home);

        Assert.True(await PrivateCluster.StopAsync(_home));

        Assert.False(await PrivateCluster.IsRunningAsync(_home));
        Assert.False(await PrivateCluster.StopAsync(_home));
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task OpenAsync_UnreachableConfiguredServer_SaysWhatWasTriedAndTheFix()
    {
        var options = new DatabaseOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", Home = _home };
        var e = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Database.OpenAsync(options));
        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("RELIEFMATCH_DB", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home, "postgres")));
    }

    [Fact]
    public void Require_NoServerProgramsInstalled_NamesThePlacesAndTheFix()
    {
        var empty = TempFolder.Create("reliefmatch-nobin");
        try
        {
            var e = Assert.Throws<DatabaseUnavailableException>(() => PostgresBinaries.Require([empty], Path.Combine(empty, "postgresql")));
            Assert.Contains(empty, e.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", e.Message, StringComparison.Ordinal);
            Assert.Contains("RELIEFMATCH_DB", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(empty);
        }
    }

    [Fact]
    public async Task StartAgainIfStoppedAsync_ServerStoppedImmediately_StartsItOnTheSamePort_AndDisposeStillStopsIt()
    {
        await using (var cluster = await PrivateCluster.StartAsync(_home))
        {
            Assert.False(await cluster.StartAgainIfStoppedAsync());   // running: nothing to do

            await ClusterOutage.StopImmediatelyAsync(_home);
            Assert.True(await cluster.StartAgainIfStoppedAsync());

            Assert.True(await PrivateCluster.IsRunningAsync(_home));
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.Roles.ApplicationConnectionString()) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ShowAsync(connection, "port"));
        }
        Assert.False(await PrivateCluster.IsRunningAsync(_home), "the server started again is still running after the cluster was disposed");
    }

    [Fact]
    public async Task StartAgainIfStoppedAsync_PortTakenMeanwhile_SaysWhichPort()
    {
        await using var cluster = await PrivateCluster.StartAsync(_home);
        await ClusterOutage.StopImmediatelyAsync(_home);
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, cluster.Port);
        squatter.Start();

        var e = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => cluster.StartAgainIfStoppedAsync());

        Assert.Contains($"port {cluster.Port}", e.Message, StringComparison.Ordinal);
        Assert.False(await PrivateCluster.IsRunningAsync(_home));
    }

    [Fact]
    public void Find_InstalledServer_FindsInitdbAndPgCtlTogether()
    {
        var found = PostgresBinaries.Find();
        Assert.NotNull(found);
        Assert.True(File.Exists(found.InitDb));
        Assert.True(File.Exists(found.PgCtl));
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var cmd = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
