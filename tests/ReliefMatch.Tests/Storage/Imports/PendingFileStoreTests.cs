using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Imports;

[Collection(PostgresCollection.Name)]
public sealed class PendingFileStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;

    public async Task InitializeAsync() => _db = await postgres.NewDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static FileReport Waiting(string file, string sha256) =>
        new() { Source = SourceKind.Roster, File = file, Sha256 = sha256, Size = 10, MonthUnknown = true };

    [Fact]
    public async Task RecordAsync_SamePathTwice_ListedOnceFirstFoundTimeKept()
    {
        var store = new PendingFileStore(_db.DataSource, _time);
        var id = await store.RecordAsync("/inbox/roster/花名册.csv", Waiting("roster/花名册.csv", "aa"));
        var foundAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(id, await store.RecordAsync("/inbox/roster/花名册.csv", Waiting("roster/花名册.csv", "aa")));
        await store.RecordAsync("/inbox/medical/结算.csv", Waiting("medical/结算.csv", "bb") with { Source = SourceKind.Medical });

        var list = await store.ListAsync();
        Assert.Equal(["roster/花名册.csv", "medical/结算.csv"], list.Select(f => f.File));
        Assert.Equal((SourceKind.Roster, "/inbox/roster/花名册.csv", "aa", foundAt), (list[0].Source, list[0].Path, list[0].Sha256, list[0].FoundAt));
        Assert.Equal(SourceKind.Medical, list[1].Source);
    }

    [Fact]
    public async Task RecordAsync_OtherBytesUnderTheSamePath_FoundAgain()
    {
        var store = new PendingFileStore(_db.DataSource, _time);
        await store.RecordAsync("/inbox/roster/花名册.csv", Waiting("roster/花名册.csv", "aa"));
        _time.Advance(TimeSpan.FromHours(1));

        await store.RecordAsync("/inbox/roster/花名册.csv", Waiting("roster/花名册.csv", "cc"));

        var file = Assert.Single(await store.ListAsync());
        Assert.Equal(("cc", _time.GetUtcNow()), (file.Sha256, file.FoundAt));
    }

    [Fact]
    public async Task RemoveAsync_Confirmed_NoLongerListed()
    {
        var store = new PendingFileStore(_db.DataSource, _time);
        var id = await store.RecordAsync("/inbox/roster/花名册.csv", Waiting("roster/花名册.csv", "aa"));

        Assert.NotNull(await store.FindAsync(id));
        await store.RemoveAsync(id);

        Assert.Null(await store.FindAsync(id));
        Assert.Empty(await store.ListAsync());
    }
}
