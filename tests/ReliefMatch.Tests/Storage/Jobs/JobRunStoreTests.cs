using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class JobRunStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private JobRunStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new JobRunStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task StartAndFinish_Succeeded_ListedWithTimesAndDetail()
    {
        var id = await _store.StartAsync("dibao-sample", "2023-07", "42", 1, "server-a");
        _time.Advance(TimeSpan.FromSeconds(3));
        await _store.FinishAsync(id, JobOutcome.Succeeded, "3 townships");

        var run = Assert.Single(await _store.ListAsync());

        Assert.Equal(new JobRun(id, "dibao-sample", "2023-07", "42", 1, "server-a", new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2023, 8, 1, 18, 0, 3, TimeSpan.Zero), JobOutcome.Succeeded, "3 townships"), run);
    }

    [Fact]
    public async Task StartAsync_AnEarlierExecutionOfTheSameKeyStillRunning_MarksItAbandoned()
    {
        var dead = await _store.StartAsync("dibao-sample", "2023-07", "42", 1, "server-a");
        var otherKey = await _store.StartAsync("dibao-sample", "2023-06", "41", 1, "server-a");
        _time.Advance(TimeSpan.FromMinutes(5));

        var again = await _store.StartAsync("dibao-sample", "2023-07", "42", 1, "server-b");

        var runs = (await _store.ListAsync()).ToDictionary(r => r.Id);
        Assert.Equal(JobOutcome.Abandoned, runs[dead].Outcome);
        Assert.Equal(JobOutcome.Running, runs[otherKey].Outcome);
        Assert.Equal(JobOutcome.Running, runs[again].Outcome);
    }

    [Fact]
    public async Task StartAsync_LockCoversEveryKey_AbandonsRunningExecutionsOfAnyKey()
    {
        var dead = await _store.StartAsync("import-inbox", "2023-07", null, 1, null);

        await _store.StartAsync("import-inbox", "2023-08", null, 1, null, lockCoversEveryKey: true);

        Assert.Equal(JobOutcome.Abandoned, (await _store.ListAsync()).Single(r => r.Id == dead).Outcome);
    }

    [Fact]
    public async Task ListAsync_OneJobAndALimit_NewestFirst()
    {
        for (var i = 0; i < 3; i++)
        {
            await _store.FinishAsync(await _store.StartAsync("import-inbox", "2023-07", null, 1, null), JobOutcome.Succeeded, "run " + i);
            await _store.FinishAsync(await _store.StartAsync("monthly-run", "2023-07", null, 1, null), JobOutcome.Failed, "RuleFileException: bad");
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        var runs = await _store.ListAsync(limit: 2, job: "import-inbox");

        Assert.Equal(["run 2", "run 1"], runs.Select(r => r.Detail));
    }
}
