using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Migrations;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class MigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationIntoSchemaReliefmatch()
    {
        var connectionString = postgres.OwnerConnectionString(await postgres.CreateEmptyDatabaseAsync());
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var version = await new Migrator(dataSource, NullLogger.Instance).MigrateAsync();

        Assert.Equal(Migration.Latest, version);
        Assert.True(Migration.Latest >= 1);
        await using var tables = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'reliefmatch' ORDER BY 1");
        var names = new List<string>();
        await using (var r = await tables.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                names.Add(r.GetString(0));
            }
        }
        foreach (var expected in new[] { "schema_version", "extracts", "extract_periods", "rejected_rows", "roster_records", "death_records",
                     "disability_records", "medical_records", "monitoring_records", "runs", "findings", "finding_periods", "finding_events" })
        {
            Assert.Contains(expected, names);
        }
        await using var publicTables = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(0L, await publicTables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MigrateAsync_AppliedTwice_ChangesNothing()
    {
        var connectionString = postgres.OwnerConnectionString(await postgres.CreateEmptyDatabaseAsync());
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new Migrator(dataSource, NullLogger.Instance);
        await migrator.MigrateAsync();
        var before = await VersionsAsync(dataSource);

        var again = await migrator.MigrateAsync();

        Assert.Equal(Migration.Latest, again);
        Assert.Equal(before, await VersionsAsync(dataSource));
        Assert.Equal(Migration.All.Select(m => m.Version), before);
    }

    [Fact]
    public async Task OpenAsync_TwoProcessesAtOnce_MigrateOnceUnderTheLock()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var options = postgres.Options(connectionString);

        var opened = await Task.WhenAll(Database.OpenAsync(options), Database.OpenAsync(options), Database.OpenAsync(options));

        foreach (var db in opened)
        {
            Assert.Equal(Migration.Latest, db.SchemaVersion);
            Assert.Null(db.Cluster);
        }
        Assert.Equal(Migration.All.Select(m => m.Version), await VersionsAsync(opened[0].DataSource));
        foreach (var db in opened)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task OpenAsync_DatabaseFromNewerVersion_IsRefusedAndLeftAlone()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var options = postgres.Options(connectionString);
        await (await Database.OpenAsync(options)).DisposeAsync();
        await using (var dataSource = NpgsqlDataSource.Create(postgres.OwnerConnectionString(connectionString)))
        {
            await using var cmd = dataSource.CreateCommand($"INSERT INTO reliefmatch.schema_version (version, name) VALUES ({Migration.Latest + 1}, 'from_the_future')");
            await cmd.ExecuteNonQueryAsync();
        }

        var e = await Assert.ThrowsAsync<SchemaTooNewException>(() => Database.OpenAsync(options));

        Assert.Equal(Migration.Latest + 1, e.DatabaseVersion);
        Assert.Equal(Migration.Latest, e.CodeVersion);
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_EmbeddedFiles_AreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migration.All.Count), Migration.All.Select(m => m.Version));
        Assert.Equal("initial", Migration.All[0].Name);
        Assert.All(Migration.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    private static async Task<List<int>> VersionsAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("SELECT version FROM reliefmatch.schema_version ORDER BY version");
        var list = new List<int>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.GetInt32(0));
        }
        return list;
    }
}
