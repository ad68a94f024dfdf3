using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class MonthlyRunJobTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EnqueueMonthlyRun_Twice_OutputsForThePeriodTheSameBytesAndTwoRecordedRuns()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");
        await h.ImportRosterAsync(new(2023, 7), "roster.csv",
            TestRecords.Roster(3, 1, "H1") with { LastCheckOn = null },
            TestRecords.Roster(4, 2, "H2") with { Township = "罗锦镇" });

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueMonthlyRun("2023-07")));
        var folder = Path.Combine(h.Options.EffectiveOutputs, "2023-07");
        var first = Snapshot(folder);
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueMonthlyRun("2023-07")));

        Assert.Contains("统计表-2023-07.xlsx", first.Keys);
        Assert.Contains("worklists/永福镇.xlsx", first.Keys);
        Assert.Contains("worklists/罗锦镇.csv", first.Keys);
        var second = Snapshot(folder);
        Assert.Equal(first.Keys, second.Keys);
        Assert.Equal(first["findings.csv"], second["findings.csv"]);
        Assert.Equal(first["worklists/永福镇.csv"], second["worklists/永福镇.csv"]);
        Assert.Equal(["2023-07"], Directory.EnumerateDirectories(h.Options.EffectiveOutputs).Select(Path.GetFileName));
        Assert.Equal(2, await StorageTestDb.CountAsync(h.Database.DataSource, "runs", "period = '2023-07' AND status = 'succeeded'"));
        var runs = await JobQueries.RunsAsync(h, JobNames.MonthlyRun);
        Assert.All(runs, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        Assert.Contains("预警", runs[0].Detail);
        // Both runs are in the audit log, started by the job server.
        Assert.Equal(2, await StorageTestDb.CountAsync(h.Database.DataSource, "audit_log", "action = 'run-month' AND user_name = '定时任务' AND subject LIKE '2023年7月月度比对，运行编号 %'"));
    }

    [Fact]
    public async Task EnqueueMonthlyRun_BrokenRuleFile_FailsAtOnceWithoutRetry()
    {
        await using var h = await JobsHarness.StartAsync(postgres, o => o with { RulesFolder = Path.Combine(o.Home, "rules") });
        Directory.CreateDirectory(Path.Combine(h.Home, "rules"));
        File.WriteAllText(Path.Combine(h.Home, "rules", "broken.yaml"), "id: [unclosed\n");
        h.StartServer("a");

        var jobId = h.Scheduler.EnqueueMonthlyRun("2023-07");

        Assert.Equal("Failed", await h.WaitForSuccessAsync(jobId));
        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.MonthlyRun));
        Assert.Equal(JobOutcome.Failed, run.Outcome);
        Assert.StartsWith("RuleFileException: ", run.Detail);
    }

    [Fact]
    public async Task RunPreviousMonthAsync_NoExtractStampedForTheMonth_RecordsTheRefusalAndRunsNothing()
    {
        // The scheduled run on 1 September is for August; only July's roster was imported.
        var now = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await JobsHarness.StartAsync(postgres, time: now);
        await h.ImportRosterAsync(new(2023, 7), "roster.csv", TestRecords.Roster(3, 1, "H1"));
        var job = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MonthlyRunJob>(h.Services);

        await job.RunPreviousMonthAsync(null, CancellationToken.None);

        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.MonthlyRun));
        Assert.Equal(("2023-08", JobOutcome.Refused), (run.Key, run.Outcome));
        Assert.StartsWith("2023年8月没有标为该月的数据（未导入任何 2023-08 的提取文件），不运行比对", run.Detail);
        Assert.Equal(0, await StorageTestDb.CountAsync(h.Database.DataSource, "runs"));
        Assert.Equal(0, await StorageTestDb.CountAsync(h.Database.DataSource, "findings"));
        Assert.False(Directory.Exists(Path.Combine(h.Options.EffectiveOutputs, "2023-08")));

        // July, which has its data, still runs.
        await job.RunAsync("2023-07", null, CancellationToken.None);
        Assert.Equal(JobOutcome.Succeeded, (await JobQueries.RunsAsync(h, JobNames.MonthlyRun))[1].Outcome);
    }

    [Fact]
    public async Task EnqueueMonthlyRun_NoExtractStampedForTheMonth_RefusedOnceNotRetried()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        h.StartServer("a");

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueMonthlyRun("2023-07")));

        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.MonthlyRun));
        Assert.Equal(JobOutcome.Refused, run.Outcome);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
