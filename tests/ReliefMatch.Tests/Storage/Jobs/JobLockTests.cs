using ReliefMatch.Storage;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class JobLockTests(PostgresFixture postgres) : IAsyncLifetime
{
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AcquireAsync_SameNameHeld_WaitsUntilReleased()
    {
        var first = await JobLock.AcquireAsync(_db.DataSource, "dibao-sample:2023-07");

        var second = JobLock.AcquireAsync(_db.DataSource, "dibao-sample:2023-07");
        var other = await JobLock.AcquireAsync(_db.DataSource, "dibao-sample:2023-08");
        await Task.Delay(300);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var got = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await other.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_GivesUpWithoutTheLock()
    {
        await using var held = await JobLock.AcquireAsync(_db.DataSource, "monthly-run:2023-07");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => JobLock.AcquireAsync(_db.DataSource, "monthly-run:2023-07", cancel.Token));
    }
}
