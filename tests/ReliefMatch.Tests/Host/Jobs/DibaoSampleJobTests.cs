using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class DibaoSampleJobTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);

    /// <summary>永福镇 7 new approvals, 罗锦镇 3, 苏桥镇 none; and rows that are not new approvals of July.</summary>
    private static RosterRecord[] Roster()
    {
        var rows = new List<RosterRecord>();
        var row = 3;
        RosterRecord Head(int person, string township, string household, string enrolled, Programme programme = Programme.RuralDibao) =>
            TestRecords.Roster(row++, person, household, programme) with { Township = township, EnrolledOn = DateOnly.Parse(enrolled, System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 1; i <= 7; i++)
        {
            rows.Add(Head(i, "永福镇", $"Y{i:D2}", $"2023-07-{i + 2:D2}"));
        }
        for (var i = 1; i <= 3; i++)
        {
            rows.Add(Head(100 + i, "罗锦镇", $"L{i:D2}", $"2023-07-{i + 10:D2}"));
        }
        rows.Add(Head(200, "苏桥镇", "S01", "2021-04-01"));
        rows.Add(Head(201, "苏桥镇", "S02", "2023-07-09", Programme.Tekun));
        return [.. rows];
    }

    [Fact]
    public async Task ImportInbox_TheMonthsRosterArrivesAfterTheDraw_DrawnAgainFromIt()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        // Only June's roster is in when July is drawn: it knows three of 永福镇's July approvals.
        await h.ImportRosterAsync(new ReportingMonth(2023, 6), "june.csv", Roster().Where(r => r.Township == "永福镇").Take(3).ToArray());
        h.StartServer("a");
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueDibaoSample("2023-07")));
        Assert.Equal([("永福镇", 3, "2023-06")], (await h.Services.GetRequiredService<SampleDrawStore>().ListAsync(July))
            .Where(d => d.Candidates > 0).Select(d => (d.Township, d.Candidates, d.RosterPeriod)));

        RosterCsv.Write(Path.Combine(h.Options.EffectiveInbox, "roster", "花名册202307.csv"),
            Enumerable.Range(1, 7).Select(i => RosterCsv.Line("永福镇", $"Y{i:D2}", "王" + i, TestRecords.IdNumber(i), $"2023-07-{i + 2:D2}")));
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueImport("2023-07")));

        // The import queued the draw again; it is made from July's roster.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await JobQueries.RunsAsync(h, JobNames.DibaoSample)).Count(r => r.Outcome == JobOutcome.Succeeded) < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }
        var draws = await h.Services.GetRequiredService<SampleDrawStore>().ListAsync(July);
        Assert.Equal(("2023-07", 7, 4), draws.Where(d => d.Township == "永福镇").Select(d => (d.RosterPeriod, d.Candidates, d.Selected.Count)).Single());
        Assert.Contains("按本月名册重新抽样的乡镇：", (await JobQueries.RunsAsync(h, JobNames.DibaoSample))[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawAsync_TwoServersTwoEnqueuesOfOneMonth_OneDraw()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await h.ImportRosterAsync(July, "roster.csv", Roster());
        h.StartServer("a");
        h.StartServer("b");

        var first = h.Scheduler.EnqueueDibaoSample("2023-07");
        var second = h.Scheduler.EnqueueDibaoSample("2023-07");

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(first));
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(second));
        var draws = await h.Services.GetRequiredService<SampleDrawStore>().ListAsync(July);
        Assert.Equal([("永福镇", 7, 4), ("罗锦镇", 3, 2), ("苏桥镇", 0, 0)], draws.Select(d => (d.Township, d.Candidates, d.Selected.Count)));
        Assert.Equal(6, await StorageTestDb.CountAsync(h.Database.DataSource, "sample_draw_items"));
        var runs = await JobQueries.RunsAsync(h, JobNames.DibaoSample);
        Assert.Equal([JobOutcome.Succeeded, JobOutcome.Succeeded], runs.Select(r => r.Outcome));
        Assert.EndsWith("本次抽样 3 个乡镇，此前已抽样并保留 0 个", runs[0].Detail);
        Assert.EndsWith("本次抽样 0 个乡镇，此前已抽样并保留 3 个", runs[1].Detail);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), runs.Select(r => r.BackgroundId!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DrawAsync_StoppedInTheMiddleOfItsTransactionAndRunAgain_SameStateAsOneCleanRun()
    {
        string clean;
        await using (var reference = await JobsHarness.StartAsync(postgres))
        {
            await reference.ImportRosterAsync(July, "roster.csv", Roster());
            await reference.Services.GetRequiredService<DibaoSampleJob>().DrawAsync("2023-07", null, CancellationToken.None);
            clean = await JobQueries.DrawsAsync(reference, "2023-07");
        }

        await using var h = await JobsHarness.StartAsync(postgres);
        await h.ImportRosterAsync(July, "roster.csv", Roster());
        // Another session inserts (uncommitted) 罗锦镇's draw: the job's transaction, having stored 永福镇's draw,
        // then waits on the unique key in the middle of its work.
        await using var blocker = await h.Database.DataSource.OpenConnectionAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reliefmatch.sample_draws (period, township, seed, algorithm, fraction, candidates, selected, candidates_sha256, roster_extracts, drawn_at)
            VALUES ('2023-07', '罗锦镇', 1, 'x', 0.5, 0, 0, 'x', '{}', now())
            """, blocker))
        {
            await insert.ExecuteNonQueryAsync();
        }
        var server = h.StartServer("first");
        var jobId = h.Scheduler.EnqueueDibaoSample("2023-07");
        await WaitUntilAsync(async () => await WaitingInsertsAsync(h) == 1, "the job's insert to wait on the lock");

        h.StopServer(server);   // the job's cancellation token fires: the waiting insert is cancelled, its transaction rolled back
        await blocking.RollbackAsync();

        Assert.Equal(0, await StorageTestDb.CountAsync(h.Database.DataSource, "sample_draws"));
        // The stopped server handed the job back to the queue (at-least-once): the next server runs it again.
        h.StartServer("second");
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(jobId));
        Assert.Equal(clean, await JobQueries.DrawsAsync(h, "2023-07"));
        Assert.Equal([JobOutcome.Cancelled, JobOutcome.Succeeded], (await JobQueries.RunsAsync(h, JobNames.DibaoSample)).Select(r => r.Outcome));
    }

    [Fact]
    public async Task DrawAsync_AnotherMonth_AnotherSampleFromTheSameKindOfRoster()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        var job = h.Services.GetRequiredService<DibaoSampleJob>();
        var august = Roster().Select(r => r with { EnrolledOn = r.EnrolledOn!.Value.AddMonths(1) }).ToArray();
        await h.ImportRosterAsync(July, "july.csv", Roster());
        await h.ImportRosterAsync(July.Next, "august.csv", august);

        await job.DrawAsync("2023-07", null, CancellationToken.None);
        await job.DrawAsync("2023-08", null, CancellationToken.None);

        var store = new SampleDrawStore(h.Database.DataSource, TimeProvider.System);
        var july = (await store.ListAsync(July)).Single(d => d.Township == "永福镇");
        var aug = (await store.ListAsync(July.Next)).Single(d => d.Township == "永福镇");
        Assert.Equal((SampleSeed.For(July, "永福镇"), SampleSeed.For(July.Next, "永福镇")), (july.Seed, aug.Seed));
        Assert.NotEqual(july.Selected.Select(a => a.HouseholdId), aug.Selected.Select(a => a.HouseholdId));
        Assert.Equal(DibaoSampler.Draw(July, [], NewDibaoApprovals.Of(Roster(), "450326", July)).Townships.Single(t => t.Township == "永福镇").Selected,
            july.Selected);
    }

    private static async Task<long> WaitingInsertsAsync(JobsHarness h)
    {
        await using var cmd = h.Database.DataSource.CreateCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO reliefmatch.sample_draws %'
            """);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Waited in vain for " + what + ".");
            }
            await Task.Delay(100);
        }
    }
}
