using System.Diagnostics;
using System.Net;
using System.Text;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Tests.Host.Web;
using ReliefMatch.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// A real <c>reliefmatch serve</c> on a home of its own (its private cluster) whose PostgreSQL dies under it: it
/// starts the server again by itself and its pages work again, and when it stops it leaves nothing running.
/// </summary>
[Collection(PostgresCollection.Name)]   // one heavy process at a time on a small machine
public sealed class ServeWatchdogTests(ITestOutputHelper log) : PrivateHomeTest("reliefmatch-watchdog")
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    [Fact]
    public async Task Serve_WhosePostgresIsStoppedImmediately_StartsItAgainAndAnswersAgain_AndLeavesNothingRunning()
    {
        var port = ReliefmatchProcess.FreePort();
        var output = new StringBuilder();
        var serve = await ReliefmatchProcess.StartServeAsync(NoDatabase, Home, port, output);
        try
        {
            using var client = new WorkplaceClient(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(10));
            // A sign-in with an unknown name reads the users table: 401 while the database answers, 500 when it does not.
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(client));

            await ClusterOutage.StopImmediatelyAsync(Home);
            var clock = Stopwatch.StartNew();
            await ClusterOutage.WaitUntilAsync(async () =>
                {
                    var answered = await SignInStatusAsync(client) == HttpStatusCode.Unauthorized;
                    if (!answered)
                    {
                        await Task.Delay(500);
                    }
                    return answered;
                },
                TimeSpan.FromSeconds(30), "serve to answer a sign-in again after its PostgreSQL was stopped");
            log.WriteLine($"serve answered again {clock.Elapsed.TotalSeconds:F1} s after its PostgreSQL was stopped");
            Assert.True(await PrivateCluster.IsRunningAsync(Home));

            Assert.True(await ReliefmatchProcess.StopAsync(serve, TimeSpan.FromSeconds(30)), "serve did not stop within 30 s of SIGTERM");
            Assert.False(await PrivateCluster.IsRunningAsync(Home), "the PostgreSQL that serve started again is still running after serve ended");
        }
        catch (Exception e)
        {
            lock (output)
            {
                var said = output.ToString();
                throw new InvalidOperationException($"{e.Message}\nserve wrote (the end):\n{said[Math.Max(0, said.Length - 4000)..]}", e);
            }
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
                using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await serve.WaitForExitAsync(exit.Token);
            }
            serve.Dispose();
        }
    }

    /// <summary>The status of a sign-in as a name that does not exist, or 0 when serve does not answer in time.</summary>
    private static async Task<HttpStatusCode> SignInStatusAsync(WorkplaceClient client)
    {
        try
        {
            using var response = await client.SignInAsync("无此用户", "不是密码");
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
