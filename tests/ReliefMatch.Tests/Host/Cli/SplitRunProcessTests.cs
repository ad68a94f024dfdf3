using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using ReliefMatch.Host.Sample;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// Beyond one machine: two <c>reliefmatch serve</c> processes on one PostgreSQL share a run split by resident ID
/// (<c>reliefmatch run --parts 4</c>), each part a Hangfire job that either server may take, and the outputs are
/// those of the same run made in one piece by a single process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SplitRunProcessTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_serve_processes_share_the_parts_and_the_outputs_equal_a_run_in_one_piece()
    {
        var root = TempFolder.Create("split-run");
        var servers = new List<Process>();
        try
        {
            // A county big enough that a part takes longer than a server's 1-second queue poll, so both servers get work.
            var input = Path.Combine(root, "inbox");
            SampleGenerator.Write(input, new SampleOptions(10_000));

            var single = await postgres.CreateEmptyDatabaseEnvironmentAsync();
            var whole = await ReliefmatchProcess.RunAsync(single, "run", "--input", input, "--period", "2023-07", "--out", Path.Combine(root, "whole"), "--home", Path.Combine(root, "home-whole"));
            Assert.True(whole.ExitCode == 0, whole.Error);

            var shared = await postgres.CreateEmptyDatabaseAsync();
            var env = postgres.Environment(shared);
            var home = Path.Combine(root, "home-split");
            foreach (var port in new[] { FreePort(), FreePort() })
            {
                servers.Add(await StartServeAsync(env, home, port));
            }
            var split = await ReliefmatchProcess.RunAsync(env, "run", "--input", input, "--period", "2023-07", "--out", Path.Combine(root, "split"), "--home", home, "--parts", "4");
            Assert.True(split.ExitCode == 0, split.Output + split.Error);
            Assert.Contains("4 parts queued", split.Output);

            foreach (var file in new[] { "findings.csv", "stats.json", "worklists/永福镇.csv", "worklists/罗锦镇.csv" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(root, "whole", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, "split", file))),
                    $"{file} of the split run differs from the run in one piece");
            }

            var parts = await QueryAsync(shared, "SELECT server FROM reliefmatch.job_runs WHERE job = 'monthly-run-part' AND outcome = 'succeeded'");
            Assert.Equal(4, parts.Count);
            Assert.True(parts.Distinct().Count() == 2, "both servers should have taken parts: " + string.Join(", ", parts));
            Assert.Equal(["succeeded"], await QueryAsync(shared, "SELECT outcome FROM reliefmatch.job_runs WHERE job = 'monthly-run-merge'"));
            Assert.Equal(["4"], await QueryAsync(shared, "SELECT count(*)::text FROM reliefmatch.run_parts"));
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task A_number_of_parts_out_of_range_is_refused_before_anything_is_done()
    {
        var env = await postgres.CreateEmptyDatabaseEnvironmentAsync();
        var result = await ReliefmatchProcess.RunAsync(env, "run", "--period", "2023-07", "--out", Path.Combine(Path.GetTempPath(), "never-written"), "--parts", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--parts must be between 1 and 64", result.Error + result.Output);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "never-written")));
    }

    private static async Task<Process> StartServeAsync(IReadOnlyDictionary<string, string?> environment, string home, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "reliefmatch.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--home", home, "--workers", "1" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.StartsWith("ReliefMatch 网页工作台", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new InvalidOperationException($"reliefmatch serve on port {port} did not start:\n{output}");
            }
        }
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var r = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await r.ReadAsync())
        {
            values.Add(r.GetString(0));
        }
        return values;
    }
}
