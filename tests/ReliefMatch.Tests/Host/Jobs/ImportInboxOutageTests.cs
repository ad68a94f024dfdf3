using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using Xunit.Abstractions;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>
/// <c>import-inbox</c> while its PostgreSQL goes away: a private cluster of the test's own, stopped with
/// <c>-m immediate</c> in the middle of a file's COPY. A lost connection is no verdict on the file.
/// </summary>
[Collection(PostgresCollection.Name)]   // not beside the tests that measure this process's memory
public sealed class ImportInboxOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _home = TempFolder.Create("reliefmatch-outage");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await PrivateCluster.StopAsync(_home);
        TempFolder.Delete(_home);
    }

    /// <param name="moment">
    /// <c>copy</c>: while the rows stream in; <c>waiting</c>: while the import waits, in its transaction, for the
    /// file's lock (held here, as a second import of the same bytes would hold it): the server then ends the
    /// session with an error of its own (57P01) rather than a broken socket.
    /// </param>
    [Theory]
    [InlineData("copy")]
    [InlineData("waiting")]
    public async Task RunAsync_DatabaseStoppedMidFile_FailsAsTransientAndTheFileStaysInTheInbox(string moment)
    {
        var inbox = Path.Combine(_home, "inbox");
        // Large enough that its COPY lasts a while: the outage lands in the middle of it.
        Directory.CreateDirectory(Path.Combine(inbox, "roster"));
        using (var big = new StreamWriter(Path.Combine(inbox, "roster", "a-roster.csv"), false, new System.Text.UTF8Encoding(false)))
        {
            big.WriteLine(RosterCsv.Header);
            for (var i = 0; i < 300_000; i++)
            {
                big.WriteLine(RosterCsv.Line("永福镇", $"H{i}", "张一", TestRecords.IdNumber(i), "2023-07-03"));
            }
        }
        RosterCsv.Write(Path.Combine(inbox, "roster", "b-second.csv"), [RosterCsv.Line("罗锦镇", "H2", "李二", TestRecords.IdNumber(1), "2022-01-05")]);

        var cluster = await PrivateCluster.StartAsync(_home);
        await using (cluster)
        {
            await using (var services = JobServices(await OpenAsync(cluster)))
            {
                var holder = moment == "waiting" ? await HoldFileLockAsync(cluster, Path.Combine(inbox, "roster", "a-roster.csv")) : null;
                var job = services.GetRequiredService<ImportInboxJob>().RunAsync("2023-07", null, CancellationToken.None);
                await ClusterOutage.WaitUntilAsync(() => ActiveAsync(cluster, moment == "waiting"
                    ? "wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'"
                    : "query LIKE 'COPY reliefmatch.%'"), TimeSpan.FromSeconds(60), "the import at the chosen moment");
                await ClusterOutage.StopImmediatelyAsync(_home);
                if (holder is not null)
                {
                    NpgsqlConnection.ClearPool(holder);
                    holder.Dispose();
                }

                var failure = await Assert.ThrowsAnyAsync<Exception>(() => job);
                output.WriteLine(failure.ToString());
                Assert.True(TransientFailures.IsTransient(failure), $"not seen as transient: {failure}");
            }
            Assert.False(Directory.Exists(Path.Combine(_home, "refused")), "a file was refused for an outage");
            Assert.Equal(["a-roster.csv", "b-second.csv"],
                Directory.EnumerateFiles(Path.Combine(inbox, "roster")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // The retry, once the database is back: both files imported, counts adding up to the files seen.
            await using var restarted = await PrivateCluster.StartAsync(_home);
            await using var database = await OpenAsync(restarted);
            await using (var services = JobServices(database))
            {
                await services.GetRequiredService<ImportInboxJob>().RunAsync("2023-07", null, CancellationToken.None);
            }
            Assert.Equal(2, await StorageTestDb.CountAsync(database.DataSource, "extracts"));
            Assert.Equal(300_001, await StorageTestDb.CountAsync(database.DataSource, "roster_records"));
            Assert.Empty(Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories));
            Assert.False(Directory.Exists(Path.Combine(_home, "refused")));
        }
    }

    private static Task<Database> OpenAsync(PrivateCluster cluster) =>
        Database.OpenAsync(new DatabaseOptions { ConnectionString = cluster.ConnectionString(), UseEnvironment = false });

    private ServiceProvider JobServices(Database database)
    {
        var services = new ServiceCollection();
        services.AddReliefMatchJobs(new JobsOptions
        {
            Database = database,
            Home = _home,
            RulesFolder = ShippedRules.Folder,
            Installation = Installation.OfSample,
            RunServer = false,
            ServerName = "test",
        });
        return services.BuildServiceProvider();
    }

    private static NpgsqlConnection Unpooled(PrivateCluster cluster) =>
        new(new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Pooling = false }.ConnectionString);

    private static async Task<bool> ActiveAsync(PrivateCluster cluster, string condition)
    {
        await using var connection = Unpooled(cluster);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND {condition}", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Takes the lock an import of the file's bytes takes, in a session of its own that keeps it.</summary>
    private static async Task<NpgsqlConnection> HoldFileLockAsync(PrivateCluster cluster, string path)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var connection = Unpooled(cluster);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", connection);
        command.Parameters.Add(new() { Value = "extract:" + sha256 });
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
