using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class DueListStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth January = new(2024, 1);
    private static readonly RosterSnapshot Roster = new("2023-12", [7], []);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 12, 31, 19, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private DueListStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new DueListStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static RecheckDue Due(string household, string? lastCheck, bool overdue, params EconomicSignal[] signals)
    {
        DateOnly? last = lastCheck is null ? null : DateOnly.Parse(lastCheck, System.Globalization.CultureInfo.InvariantCulture);
        return new RecheckDue(household, "永福镇", "城北村", "张" + household, TestRecords.IdNumber(1), [Programme.RuralDibao, Programme.Tekun],
            last, last?.AddMonths(6), overdue, signals);
    }

    private static readonly IReadOnlyList<RecheckDue> Items =
        [Due("H1", "2023-01-31", true), Due("H2", null, true), Due("H3", "2023-11-02", false, new EconomicSignal("车辆登记", "小型轿车 1 辆"))];

    [Fact]
    public async Task SaveAsync_ThenGetAsync_TheSameItemsInOrder()
    {
        Assert.True(await _store.SaveAsync(DueListKind.EconomicRecheck, January, January.First, 6, Items, Roster));

        var list = await _store.GetAsync(DueListKind.EconomicRecheck, January);

        Assert.NotNull(list);
        Assert.Equal(Items, list.Items, new DueComparer());
        Assert.Equal((DueListKind.EconomicRecheck, January, January.First, 6, 3, 2, "2023-12"),
            (list.Summary.Kind, list.Summary.Key, list.Summary.AsOf, list.Summary.IntervalMonths, list.Summary.Households, list.Summary.Overdue, list.Summary.RosterPeriod));
        Assert.Null(await _store.GetAsync(DueListKind.Overdue, January));
    }

    [Fact]
    public async Task SaveAsync_SameListAgain_WritesNothing()
    {
        await _store.SaveAsync(DueListKind.Overdue, January, January.Last, 6, Items, Roster);
        const string state = "SELECT l.xmin, l.*, i.xmin, i.* FROM reliefmatch.due_lists l JOIN reliefmatch.due_list_items i ON i.list_id = l.id";
        var before = await StorageTestDb.DumpAsync(_db.DataSource, state);
        _time.Advance(TimeSpan.FromDays(1));

        Assert.False(await _store.SaveAsync(DueListKind.Overdue, January, January.Last, 6, Items, Roster));

        Assert.Equal(before, await StorageTestDb.DumpAsync(_db.DataSource, state));
    }

    [Fact]
    public async Task SaveAsync_ChangedList_ReplacesItsItems()
    {
        await _store.SaveAsync(DueListKind.Overdue, January, January.Last, 6, Items, Roster);

        Assert.True(await _store.SaveAsync(DueListKind.Overdue, January, January.Last, 6, [Items[1]], Roster));

        var list = await _store.GetAsync(DueListKind.Overdue, January);
        Assert.Equal(["H2"], list!.Items.Select(i => i.HouseholdId));
        Assert.Equal(1, await StorageTestDb.CountAsync(_db.DataSource, "due_list_items"));
        Assert.Equal([(DueListKind.Overdue, January)], (await _store.ListAsync()).Select(l => (l.Kind, l.Key)));
    }

    private sealed class DueComparer : IEqualityComparer<RecheckDue>
    {
        public bool Equals(RecheckDue? x, RecheckDue? y) =>
            x is not null && y is not null && x with { Programmes = [], Signals = [] } == y with { Programmes = [], Signals = [] }
            && x.Programmes.SequenceEqual(y.Programmes) && x.Signals.SequenceEqual(y.Signals);

        public int GetHashCode(RecheckDue obj) => obj.HouseholdId.GetHashCode(StringComparison.Ordinal);
    }
}
