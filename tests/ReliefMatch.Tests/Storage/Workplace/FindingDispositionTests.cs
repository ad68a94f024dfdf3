using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

/// <summary>Dispositions from returned worklists: who checked on which day, and only for the township's own findings.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FindingDispositionTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly Finding _finding = new()
    {
        RuleId = "deceased-recipient",
        RuleVersion = 1,
        IdNumber = TestRecords.IdNumber(1),
        HouseholdId = "H1",
        Name = "张1",
        Township = "罗锦镇",
        Confidence = Confidence.Exact,
        Evidence = [new Evidence(SourceKind.PoliceDeaths, 1, 2, "公安户籍注销：2023-05-12 死亡")],
        FeedsDataWarning = true,
        DueDays = 15,
    };
    private Database _db = null!;
    private FindingStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new FindingStore(_db.DataSource, _time);
        await _store.SaveRunAsync(new ReportingMonth(2023, 7), [_finding]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<string> StateAsync() => StorageTestDb.DumpAsync(_db.DataSource,
        "SELECT status, disposition_reason, disposition_by, checked_by, checked_on FROM reliefmatch.findings");

    [Fact]
    public async Task SetDispositionAsync_WithCheckerAndDate_StoredWithAnEvent()
    {
        var changed = await _store.SetDispositionAsync(_finding.Key,
            new FindingDisposition(FindingStatus.Dismissed, "本人健在", "luojin1") { CheckedBy = "王五", CheckedOn = new DateOnly(2023, 8, 5), Township = "罗锦镇" });

        Assert.True(changed);
        Assert.Equal("(dismissed,本人健在,luojin1,王五,2023-08-05)", await StateAsync());
        Assert.Equal("(dismissed,\"本人健在 (luojin1)\")", await StorageTestDb.DumpAsync(_db.DataSource, "SELECT event, detail FROM reliefmatch.finding_events WHERE event = 'dismissed'"));
    }

    [Fact]
    public async Task SetDispositionAsync_AnotherTownshipsFinding_NothingChanged()
    {
        var changed = await _store.SetDispositionAsync(_finding.Key, new FindingDisposition(FindingStatus.Confirmed, "", "suqiao1") { Township = "苏桥镇" });

        Assert.False(changed);
        Assert.Equal("(open,,,,)", await StateAsync());
        Assert.Equal(0, await StorageTestDb.CountAsync(_db.DataSource, "finding_events", "event = 'confirmed'"));
    }

    [Fact]
    public async Task SetDispositionAsync_Closed_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SetDispositionAsync(_finding.Key, new FindingDisposition(FindingStatus.Closed, "", "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SetDispositionAsync(_finding.Key, FindingStatus.Closed, "", "x"));
    }
}
