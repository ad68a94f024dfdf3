using System.Diagnostics;
using Npgsql;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
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
            SampleFolder.Write(input, new SampleOptions(10_000));

            var single = await postgres.CreateEmptyDatabaseEnvironmentAsync();
            var whole = await ReliefmatchProcess.RunAsync(single, "run", "--input", input, "--period", "2023-07", "--out", Path.Combine(root, "whole"), "--home", Path.Combine(root, "home-whole"));
            Assert.True(whole.ExitCode == 0, whole.Error);

            var shared = await postgres.CreateEmptyDatabaseAsync();
            var env = postgres.Environment(shared);
            var home = Path.Combine(root, "home-split");
            foreach (var port in new[] { ReliefmatchProcess.FreePort(), ReliefmatchProcess.FreePort() })
            {
                servers.Add(await ReliefmatchProcess.StartServeAsync(env, home, port, "--workers", "1"));
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
            // The client ends once the merge has saved the run; the merge job records its own outcome a moment later.
            var merge = await QueryAsync(shared, "SELECT outcome FROM reliefmatch.job_runs WHERE job = 'monthly-run-merge'");
            for (var wait = Stopwatch.StartNew(); merge.SequenceEqual(["running"]) && wait.Elapsed < TimeSpan.FromSeconds(30); )
            {
                await Task.Delay(200);
                merge = await QueryAsync(shared, "SELECT outcome FROM reliefmatch.job_runs WHERE job = 'monthly-run-merge'");
            }
            Assert.Equal(["succeeded"], merge);
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
        Assert.Contains("--parts 须在 1 到 64 之间", result.Error + result.Output);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "never-written")));
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
