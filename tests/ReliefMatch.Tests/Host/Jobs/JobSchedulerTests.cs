using ReliefMatch.Host;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class JobSchedulerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RegisterRecurringJobs_Twice_FiveJobsWithFixedIdsCronsInChinaTime()
    {
        await using var h = await JobsHarness.StartAsync(postgres);

        h.Scheduler.RegisterRecurringJobs();
        h.Scheduler.RegisterRecurringJobs();

        List<RecurringJobDto> jobs;
        using (var connection = h.Storage.GetConnection())
        {
            jobs = connection.GetRecurringJobs();
        }
        Assert.Equal(
            [("dibao-sample", "0 3 1 * *"), ("economic-recheck", "0 3 1 1,7 *"), ("import-inbox", "*/10 * * * *"), ("monthly-run", "0 2 1 * *"), ("overdue-list", "30 3 1 * *")],
            jobs.Select(j => (j.Id, j.Cron)).OrderBy(j => j.Id, StringComparer.Ordinal));
        Assert.All(jobs, j => Assert.Equal("Asia/Shanghai", j.TimeZoneId));
        // The monthly run's next execution is a 1st of the month at 02:00 in Beijing: 18:00 UTC the day before.
        var next = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(jobs.Single(j => j.Id == "monthly-run").NextExecution!.Value, DateTimeKind.Utc), ChinaTime.Zone);
        Assert.Equal((1, 2, 0), (next.Day, next.Hour, next.Minute));
        var recheck = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(jobs.Single(j => j.Id == "economic-recheck").NextExecution!.Value, DateTimeKind.Utc), ChinaTime.Zone);
        Assert.Contains(recheck.Month, new[] { 1, 7 });
        Assert.Equal((1, 3), (recheck.Day, recheck.Hour));
    }

    [Fact]
    public async Task TriggerRecurring_DibaoSample_ExecutesOnceForThePreviousMonth()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        // The job works on the month before the one it is created in (China Standard Time): now, in this test.
        var previous = ChinaTime.MonthOf(DateTimeOffset.UtcNow).Previous;
        await h.ImportRosterAsync(previous, "roster.csv",
            TestRecords.Roster(3, 1, "H1") with { EnrolledOn = previous.First },
            TestRecords.Roster(4, 2, "H2") with { EnrolledOn = previous.Last },
            TestRecords.Roster(5, 3, "H3") with { EnrolledOn = previous.First.AddDays(3) });
        h.Scheduler.RegisterRecurringJobs();
        h.StartServer("a");

        var jobId = h.Scheduler.TriggerRecurring(JobNames.DibaoSample);

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(jobId));
        await Task.Delay(TimeSpan.FromSeconds(1.5));   // long enough for a second execution to show up, were there one
        var run = Assert.Single(await JobQueries.RunsAsync(h, JobNames.DibaoSample));
        Assert.Equal((previous.ToString(), jobId, JobOutcome.Succeeded), (run.Key, run.BackgroundId, run.Outcome));
        var draw = Assert.Single(await new SampleDrawStore(h.Database.DataSource, TimeProvider.System).ListAsync(previous));
        Assert.Equal(("永福镇", 3, 2), (draw.Township, draw.Candidates, draw.Selected.Count));
        Assert.Equal(1, await StorageTestDb.CountAsync(h.Database.DataSource, "sample_draws"));
    }

    [Fact]
    public async Task EnqueueMonthlyRun_NotAPeriod_RefusedBeforeAnythingIsQueued()
    {
        await using var h = await JobsHarness.StartAsync(postgres);

        Assert.Throws<ArgumentException>(() => h.Scheduler.EnqueueMonthlyRun("2023-7x"));
        Assert.Throws<ArgumentException>(() => h.Scheduler.EnqueueImport("July"));

        Assert.Equal(0, h.Storage.GetMonitoringApi().GetStatistics().Enqueued);
    }
}
