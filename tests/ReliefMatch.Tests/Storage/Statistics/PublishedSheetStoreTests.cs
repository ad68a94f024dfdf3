using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Statistics;

[Collection(PostgresCollection.Name)]
public sealed class PublishedSheetStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly DateTimeOffset At = new(2023, 8, 10, 2, 0, 0, TimeSpan.Zero);
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task PublishAsync_Twice_VersionsOneAndTwoEachKeptAsPublished()
    {
        var store = new PublishedSheetStore(_db.DataSource);
        Assert.Null(await store.LatestAsync(July));

        var first = await store.PublishAsync(July, """{"period": "2023-07", "n": 1}""", "county1", At);
        var second = await store.PublishAsync(July, """{"period": "2023-07", "n": 2}""", "county2", At.AddDays(3));
        await store.PublishAsync(July.Next, """{"period": "2023-08"}""", "county1", At.AddDays(30));

        Assert.Equal((1, 2), (first.Version, second.Version));
        var list = await store.ListAsync(July);
        Assert.Equal([2, 1], list.Select(v => v.Version));
        // The text as published, byte for byte (not re-serialised by the database).
        Assert.Equal("""{"period": "2023-07", "n": 1}""", list[1].Sheet);
        Assert.Equal(("county2", At.AddDays(3)), (list[0].PublishedBy, list[0].PublishedAt));
        Assert.Equal(2, (await store.LatestAsync(July))!.Version);
        Assert.Equal(1, (await store.LatestAsync(July.Next))!.Version);
    }

    [Fact]
    public async Task PublishAsync_AtOnce_EveryPublicationItsOwnVersion()
    {
        var store = new PublishedSheetStore(_db.DataSource);

        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.PublishAsync(July, $"{{\"n\": {i}}}", "county1", At)));

        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Select(v => v.Version).Order());
    }
}
