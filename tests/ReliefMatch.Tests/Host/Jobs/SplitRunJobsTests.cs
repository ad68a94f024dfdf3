using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>The scheduled monthly run split into parts: real Hangfire servers on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SplitRunJobsTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly string SampleData = Path.Combine(RepositoryRoot.Path, "sample-data");

    [Fact]
    public async Task Scheduled_run_in_three_parts_on_two_servers_writes_the_outputs_of_a_run_in_one_piece()
    {
        await using var h = await JobsHarness.StartAsync(postgres, o => o with { MonthlyRunParts = 3 });
        await new ExtractImporter(h.Database.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options).ImportFolderAsync(SampleData, July);
        h.StartServer("a");
        h.StartServer("b");

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueMonthlyRun("2023-07")));
        await WaitForRunAsync(h, "status = 'succeeded' AND parts = 3");

        var whole = TempFolder.Create("whole-run");
        try
        {
            await using var db = await postgres.NewDatabaseAsync();
            await new MonthlyRun(db.DataSource, ShippedRules.Set, Installation.OfSample, TimeProvider.System, NullLogger.Instance)
                .ExecuteAsync(new MonthlyRunRequest(July, SampleData, whole));
            var split = Path.Combine(h.Options.EffectiveOutputs, "2023-07");
            foreach (var file in new[] { "findings.csv", "stats.json", "worklists/永福镇.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(split, file)));
            }
        }
        finally
        {
            TempFolder.Delete(whole);
        }
        var parts = await JobQueries.RunsAsync(h, JobNames.MonthlyRunPart);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Equal(JobOutcome.Succeeded, p.Outcome));
        Assert.Equal(JobOutcome.Succeeded, Assert.Single(await JobQueries.RunsAsync(h, JobNames.MonthlyRunMerge)).Outcome);
        Assert.Contains("分为 3 片", Assert.Single(await JobQueries.RunsAsync(h, JobNames.MonthlyRun)).Detail);
    }

    [Fact]
    public async Task A_part_that_fails_for_good_fails_the_run_and_nothing_is_merged()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await new ExtractImporter(h.Database.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options).ImportFolderAsync(SampleData, July);
        var split = new SplitRun(h.Database.DataSource, ShippedRules.Set, Installation.OfSample, TimeProvider.System, NullLogger.Instance);
        var runId = await split.StartAsync(July, 2);
        var jobs = h.Services.GetRequiredService<IBackgroundJobClient>();
        h.StartServer("a");

        // A part of a 3-part split of a run split in 2: not something a retry can mend.
        var bad = jobs.Enqueue<SplitRunJobs>(j => j.EvaluatePartAsync(runId, "2023-07", 0, 3, null, CancellationToken.None));
        Assert.Equal("Failed", await h.WaitForSuccessAsync(bad));
        var good = jobs.Enqueue<SplitRunJobs>(j => j.EvaluatePartAsync(runId, "2023-07", 1, 2, null, CancellationToken.None));
        await h.WaitForSuccessAsync(good);

        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "runs", $"id = {runId} AND status = 'failed' AND error LIKE '第 1/3 片：%'"));
        Assert.Empty(await JobQueries.RunsAsync(h, JobNames.MonthlyRunMerge));
        Assert.Equal(0, await StorageTestDb.CountAsync(h.Database.DataSource, "findings"));
    }

    private static async Task WaitForRunAsync(JobsHarness h, string condition)
    {
        var clock = Stopwatch.StartNew();
        while (await StorageTestDb.CountAsync(h.Database.DataSource, "runs", condition) == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The split run was not merged within a minute: " +
                    await StorageTestDb.DumpAsync(h.Database.DataSource, "SELECT id, status, parts, error FROM reliefmatch.runs"));
            }
            await Task.Delay(100);
        }
    }
}
