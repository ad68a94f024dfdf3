using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class SampleDrawStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly RosterSnapshot Roster = new("2023-07", [3, 4], []);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 7, 31, 19, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private SampleDrawStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new SampleDrawStore(_db.DataSource, _time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static DibaoApproval Approval(string township, int n) =>
        new($"H{n:D3}", "450326", township, "下村", "王" + n, TestRecords.IdNumber(n), Programme.UrbanDibao, new DateOnly(2023, 7, 1 + n % 31), 3);

    private static DibaoSample Sample(int yongfu, int luojin) => DibaoSampler.Draw(July, ["永福镇", "罗锦镇", "广福乡"],
        Enumerable.Range(1, yongfu).Select(n => Approval("永福镇", n)).Concat(Enumerable.Range(100, luojin).Select(n => Approval("罗锦镇", n))).ToList());

    [Fact]
    public async Task SaveAsync_ThenListAsync_EveryTownshipWithSeedAndHouseholdsInDrawOrder()
    {
        var sample = Sample(5, 2);

        var result = await _store.SaveAsync(sample, Roster, null);
        var draws = await _store.ListAsync(July);

        Assert.Equal(new SampleSaveResult(3, 0, []), result with { ChangedSinceDraw = [] });
        Assert.Equal(["广福乡", "永福镇", "罗锦镇"], draws.Select(d => d.Township));
        foreach (var (stored, drawn) in draws.Zip(sample.Townships))
        {
            Assert.Equal((drawn.Seed, drawn.Candidates, drawn.CandidatesSha256, 0.5m, "2023-07"), (stored.Seed, stored.Candidates, stored.CandidatesSha256, stored.Fraction, stored.RosterPeriod));
            Assert.Equal(drawn.Selected, stored.Selected);
            Assert.Equal([3L, 4L], stored.RosterExtracts);
        }
        Assert.Equal([July], await _store.ListPeriodsAsync());
    }

    [Fact]
    public async Task SaveAsync_SameMonthAgainWithOtherCandidates_KeepsTheFirstDrawAndNamesTheChange()
    {
        await _store.SaveAsync(Sample(5, 2), Roster, null);
        var before = await _store.ListAsync(July);

        var result = await _store.SaveAsync(Sample(6, 2), Roster, null);

        Assert.Equal((0, 3), (result.Drawn, result.AlreadyDrawn));
        Assert.Equal(["永福镇"], result.ChangedSinceDraw);
        Assert.Equal(before, await _store.ListAsync(July), new DrawComparer());
    }

    private static readonly RosterSnapshot JuneRoster = new("2023-06", [1], []);

    [Fact]
    public async Task SaveAsync_DrawnBeforeTheMonthsRosterAndNotReviewed_DrawnAgainWhenTheRosterArrives()
    {
        await _store.SaveAsync(Sample(5, 2), JuneRoster, null);

        var result = await _store.SaveAsync(Sample(8, 2), Roster, null);
        var draws = await _store.ListAsync(July);

        Assert.Equal(["广福乡", "永福镇", "罗锦镇"], result.Redrawn);
        Assert.Equal((3, 0), (result.Drawn, result.AlreadyDrawn));
        Assert.All(draws, d => Assert.Equal("2023-07", d.RosterPeriod));
        Assert.Equal(Sample(8, 2).Townships.Single(t => t.Township == "永福镇").Selected, draws.Single(d => d.Township == "永福镇").Selected);
        Assert.Equal(4 + 1, await StorageTestDb.CountAsync(_db.DataSource, "sample_draw_items"));
    }

    [Fact]
    public async Task SaveAsync_DrawnBeforeTheMonthsRosterButReviewed_KeptAsTheRecord()
    {
        await _store.SaveAsync(Sample(5, 2), JuneRoster, null);
        var yongfu = (await _store.ListAsync(July)).Single(d => d.Township == "永福镇");
        Assert.True(await _store.ReviewAsync(yongfu.Id, yongfu.Selected[0].HouseholdId, SampleReviewResult.Ineligible, "家庭收入超标", "county1"));

        var result = await _store.SaveAsync(Sample(8, 2), Roster, null);
        var draws = await _store.ListAsync(July);

        // The reviewed township keeps its draw; the others, not reviewed, are drawn again.
        Assert.Equal(["广福乡", "罗锦镇"], result.Redrawn);
        var kept = draws.Single(d => d.Township == "永福镇");
        Assert.Equal("2023-06", kept.RosterPeriod);
        Assert.Equal(yongfu.Selected, kept.Selected);
        Assert.Equal(new SampleReview(SampleReviewResult.Ineligible, "家庭收入超标", "county1", _time.GetUtcNow()), kept.Reviews[yongfu.Selected[0].HouseholdId]);
        Assert.Equal(["永福镇"], result.ChangedSinceDraw);
    }

    [Fact]
    public async Task ReviewAsync_HouseholdNotInTheDraw_NothingRecorded()
    {
        await _store.SaveAsync(Sample(5, 2), Roster, null);
        var draw = (await _store.ListAsync(July)).Single(d => d.Township == "永福镇");

        Assert.False(await _store.ReviewAsync(draw.Id, "H999", SampleReviewResult.Eligible, "", "county1"));
        Assert.True(await _store.ReviewAsync(draw.Id, draw.Selected[1].HouseholdId, SampleReviewResult.Eligible, "", "county1"));
        Assert.Equal([draw.Selected[1].HouseholdId], (await _store.ListAsync(July)).Single(d => d.Township == "永福镇").Reviews.Keys);
    }

    [Fact]
    public async Task SaveAsync_TwoAtOnce_OneDrawPerTownship()
    {
        var sample = Sample(9, 4);

        var results = await Task.WhenAll(_store.SaveAsync(sample, Roster, null), _store.SaveAsync(sample, Roster, null));

        Assert.Equal([0, 3], results.Select(r => r.Drawn).Order());
        Assert.Equal(3, await StorageTestDb.CountAsync(_db.DataSource, "sample_draws"));
        Assert.Equal(5 + 2, await StorageTestDb.CountAsync(_db.DataSource, "sample_draw_items"));
    }

    [Fact]
    public async Task Schema_SecondDrawOfATownshipForTheMonth_RefusedByTheDatabase()
    {
        await _store.SaveAsync(Sample(1, 0), Roster, null);

        var e = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var cmd = _db.DataSource.CreateCommand("""
                INSERT INTO reliefmatch.sample_draws (period, township, seed, algorithm, fraction, candidates, selected, candidates_sha256, roster_extracts, drawn_at)
                VALUES ('2023-07', '永福镇', 1, 'x', 0.5, 1, 1, 'x', '{}', now())
                """);
            await cmd.ExecuteNonQueryAsync();
        });
        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
    }

    private sealed class DrawComparer : IEqualityComparer<StoredSampleDraw>
    {
        private static readonly Dictionary<string, SampleReview> NoReviews = [];

        public bool Equals(StoredSampleDraw? x, StoredSampleDraw? y) =>
            x is not null && y is not null
            && x with { Selected = [], RosterExtracts = [], Reviews = NoReviews } == y with { Selected = [], RosterExtracts = [], Reviews = NoReviews }
            && x.Selected.SequenceEqual(y.Selected) && x.RosterExtracts.SequenceEqual(y.RosterExtracts)
            && x.Reviews.OrderBy(r => r.Key, StringComparer.Ordinal).SequenceEqual(y.Reviews.OrderBy(r => r.Key, StringComparer.Ordinal));

        public int GetHashCode(StoredSampleDraw obj) => obj.Id.GetHashCode();
    }
}
