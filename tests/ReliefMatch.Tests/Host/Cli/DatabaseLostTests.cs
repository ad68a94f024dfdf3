using Npgsql;
using ReliefMatch.Host.Sample;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary><c>reliefmatch run</c> on its private cluster, which is stopped with <c>-m immediate</c> while the run imports.</summary>
[Collection(PostgresCollection.Name)]   // one heavy process at a time on a small machine
public sealed class DatabaseLostTests() : PrivateHomeTest("reliefmatch-lost")
{
    [Fact]
    public async Task Run_DatabaseStoppedMidRun_EndsWithAClearMessageAndExitCode4()
    {
        var input = Path.Combine(Root, "inbox");
        SampleGenerator.Write(input, new SampleOptions(20_000));
        using var process = ReliefmatchProcess.Start(new Dictionary<string, string?>(),
            "run", "--input", input, "--period", "2023-07", "--out", Path.Combine(Root, "out"), "--home", Home);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        await ClusterOutage.WaitUntilAsync(() => CopyRunningAsync(), TimeSpan.FromSeconds(90), "the run's import");
        await ClusterOutage.StopImmediatelyAsync(Home);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output + await error;
        Assert.True(process.ExitCode == 4, $"exit code {process.ExitCode}:\n{text}");
        Assert.Contains("数据库连接中断", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }

    /// <summary>Whether the run's COPY is under way, asked with the cluster's own password (false until the cluster exists).</summary>
    private async Task<bool> CopyRunningAsync()
    {
        var state = Path.Combine(Home, "postgres", "cluster.json");
        var password = Path.Combine(Home, "postgres", "password");
        if (!File.Exists(state) || !File.Exists(password) || !File.Exists(Path.Combine(Home, "postgres", "data", "postmaster.pid")))
        {
            return false;
        }
        var port = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(state)).RootElement.GetProperty("Port").GetInt32();
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = PrivateCluster.UserName, Password = (await File.ReadAllTextAsync(password)).Trim(),
                Database = "postgres", Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY reliefmatch.%'", connection);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
        catch (NpgsqlException)
        {
            return false;   // still starting
        }
    }
}
