using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
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
        SampleFolder.Write(input, new SampleOptions(20_000));
        using var process = ReliefmatchProcess.Start(new Dictionary<string, string?>(),
            "run", "--input", input, "--period", "2023-07", "--out", Path.Combine(Root, "out"), "--home", Home);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        await ClusterOutage.WaitUntilAsync(() => HomeDatabase.RunningAsync(Home, "COPY reliefmatch.%"), TimeSpan.FromSeconds(90), "the run's import");
        await ClusterOutage.StopImmediatelyAsync(Home);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output + await error;
        Assert.True(process.ExitCode == 4, $"exit code {process.ExitCode}:\n{text}");
        Assert.Contains("数据库连接中断", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }
}
