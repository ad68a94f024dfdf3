using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Storage.Migrations;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage;

/// <summary>
/// The application's own connections cannot erase or rewrite the audit log: they are neither superuser nor the
/// log's owner, so the triggers that keep it append-only cannot be switched off, and the role lacks the rights.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseRolesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        await new AuditLog(_db.DataSource, _time).WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07"));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("ALTER TABLE reliefmatch.audit_log DISABLE TRIGGER ALL")]
    [InlineData("ALTER TABLE reliefmatch.audit_log OWNER TO reliefmatch_app")]
    [InlineData("DROP TRIGGER audit_log_append_only ON reliefmatch.audit_log")]
    [InlineData("DELETE FROM reliefmatch.audit_log")]
    [InlineData("UPDATE reliefmatch.audit_log SET user_name = 'x'")]
    [InlineData("TRUNCATE reliefmatch.audit_log")]
    [InlineData("DROP TABLE reliefmatch.audit_log")]
    [InlineData("DELETE FROM reliefmatch.schema_version")]
    public async Task ApplicationConnection_AnyWayToRewriteTheAuditLog_IsRefused(string sql)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);

        var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        await using var count = _db.DataSource.CreateCommand("SELECT count(*) FROM reliefmatch.audit_log");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ApplicationConnection_IsNeitherSuperuserNorOwnerOfTheAuditLog()
    {
        await using var cmd = _db.DataSource.CreateCommand("""
            SELECT current_user, r.rolsuper, pg_has_role(current_user, c.relowner, 'USAGE'), pg_get_userbyid(c.relowner)
            FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'reliefmatch.audit_log'::regclass
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());

        Assert.Equal((ClusterRoles.ApplicationRole, false, false, ClusterRoles.OwnerRole), (r.GetString(0), r.GetBoolean(1), r.GetBoolean(2), r.GetString(3)));
        Assert.Equal(ClusterRoles.ApplicationRole, _db.ApplicationRole);
    }

    /// <summary>A database an earlier version made, as the superuser that owned everything, is handed to the owner role and used as the application role.</summary>
    [Fact]
    public async Task OpenAsync_DatabaseMadeAsTheSuperuserByAnEarlierVersion_IsAdoptedAndWorksAsTheApplicationRole()
    {
        var application = await postgres.CreateEmptyDatabaseAsync();
        var superuser = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = new NpgsqlConnectionStringBuilder(application).Database }.ConnectionString;
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE SCHEMA reliefmatch; CREATE TABLE reliefmatch.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var migration in Migration.All.Where(m => m.Version <= 6))
            {
                await Execute(connection, migration.Sql);
                await Execute(connection, $"INSERT INTO reliefmatch.schema_version (version, name) VALUES ({migration.Version}, '{migration.Name}')");
            }
            await Execute(connection, "INSERT INTO reliefmatch.audit_log (at, user_name, action, subject) VALUES (now(), 'county1', 'download-statistics', 'x')");

            await ClusterRoles.AdoptAsync(connection, CancellationToken.None);
        }

        await using var db = await Database.OpenAsync(postgres.Options(application));

        Assert.Equal(Migration.Latest, db.SchemaVersion);
        await using (var owners = db.DataSource.CreateCommand("""
            SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'reliefmatch' AND c.relkind IN ('r', 'p', 'S') ORDER BY 1
            """))
        {
            var names = new List<string>();
            await using var r = await owners.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                names.Add(r.GetString(0));
            }
            Assert.Equal([ClusterRoles.OwnerRole, DatabaseRoles.Records], names);
        }
        await new AuditLog(db.DataSource, _time).WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07"));
        await using var delete = db.DataSource.CreateCommand("ALTER TABLE reliefmatch.audit_log DISABLE TRIGGER ALL");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).SqlState);
    }

    [Fact]
    public async Task OpenAsync_OneConnectionStringOfASuperuser_WorksAsBeforeAndSaysSoInTheLog()
    {
        var application = await postgres.CreateEmptyDatabaseAsync();
        var superuser = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = new NpgsqlConnectionStringBuilder(application).Database }.ConnectionString;
        var log = new WarningLog();

        await using var db = await Database.OpenAsync(new DatabaseOptions { ConnectionString = superuser, UseEnvironment = false }, log);

        Assert.Equal(PrivateCluster.UserName, db.ApplicationRole);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("is a superuser", warning, StringComparison.Ordinal);
        Assert.Contains(DatabaseOptions.OwnerEnvironmentVariable, warning, StringComparison.Ordinal);
        await new AuditLog(db.DataSource, _time).WriteAsync(new AuditEntry("county1", UserRole.County, null, AuditActions.DownloadStatistics, "统计表 2023-07"));
    }

    [Fact]
    public async Task OpenAsync_OwnerWithoutApplicationConnection_IsRefusedWithTheFix()
    {
        var options = new DatabaseOptions { OwnerConnectionString = postgres.OwnerConnectionString(await postgres.CreateEmptyDatabaseAsync()), UseEnvironment = false };

        var e = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Database.OpenAsync(options));

        Assert.Contains(DatabaseOptions.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    private sealed class WarningLog : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
