using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// A real outage of a private cluster: <c>pg_ctl stop -m immediate</c>, as a crash or an operator's hurried stop
/// would leave it (every backend killed at once, no checkpoint, recovery on the next start).
/// </summary>
public static class ClusterOutage
{
    public static async Task StopImmediatelyAsync(string home)
    {
        var data = Path.Combine(Path.GetFullPath(home), "postgres", "data");
        var result = await ProcessRunner.RunAsync(PostgresBinaries.Require().PgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-s"],
            asServerUser: true, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(result.Succeeded, "pg_ctl stop -m immediate: " + result.Output);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout} waiting for {what}");
            await Task.Delay(20);
        }
    }
}
