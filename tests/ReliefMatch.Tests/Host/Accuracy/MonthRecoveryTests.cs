using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Accuracy.RecoveryMonth;

namespace ReliefMatch.Tests.Host.Accuracy;

/// <summary>
/// 应追回资金 from stored findings and the outcomes recorded on them (real PostgreSQL): only confirmed findings count, a
/// person once, each township its own, the month of death never.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthRecoveryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly IReadOnlyList<Finding> _findings = Findings();
    private Database _db = null!;
    private FindingStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new FindingStore(_db.DataSource, _time);
        await _store.SaveRunAsync(July, _findings);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task SetAsync(string ruleId, string id, FindingStatus status)
    {
        var finding = Of(_findings, ruleId, id);
        Assert.True(await _store.SetDispositionAsync(finding.Key,
            new FindingDisposition(status, status == FindingStatus.Confirmed ? "已停发" : "本人健在", "clerk") { Township = finding.Township }));
    }

    private Task<MonthRecovery> LoadAsync(string? township = null) =>
        MonthRecovery.LoadAsync(new FindingQueries(_db.DataSource), RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), July, township, CancellationToken.None);

    [Fact]
    public async Task LoadAsync_ConfirmedFindingsWithPaymentsAfterDeath_SummedPerTownshipOncePerPerson()
    {
        await SetAsync("paid-after-death", Jia, FindingStatus.Confirmed);
        await SetAsync("deceased-recipient", Jia, FindingStatus.Confirmed);   // the same death: not recovered twice
        await SetAsync("deceased-recipient", Yi, FindingStatus.Confirmed);    // its paid-after-death finding left open
        await SetAsync("paid-after-death", Bing, FindingStatus.Confirmed);
        await SetAsync("paid-after-death", Ding, FindingStatus.Dismissed);   // 不属实: nothing to recover
        // 李戊 left open: nothing yet.

        var recovery = await LoadAsync();

        Assert.Equal([(Luojin, 1, 3, 1500.00m), (Suqiao, 2, 3, 1050.00m)],
            recovery.Townships.Select(t => (t.Township, t.Persons, t.Months, t.Amount)));
        Assert.Equal(2550.00m, recovery.Total);
        Assert.Equal([("李丙", "paid-after-death", 1500.00m), ("张乙", "deceased-recipient", 450.00m), ("张甲", "paid-after-death", 600.00m)],
            recovery.Confirmed.Select(r => (r.Finding.Finding.Name, r.Finding.Finding.RuleId, r.Overpayment.Amount)));
        // Died on the last day of June: the June payment is the month of death, only July is overpaid.
        Assert.Equal([July], recovery.Confirmed.Single(r => r.Finding.Finding.IdNumber == Yi).Overpayment.Months);
        // The open and the dismissed still say what they concern, for their rows and pages.
        Assert.Equal(400.00m, recovery.Overpayments[Of(_findings, "paid-after-death", Wu).Key].Amount);
        Assert.Equal(400.00m, recovery.Overpayments[Of(_findings, "deceased-recipient", Ding).Key].Amount);
        Assert.Equal("1,500.00", Overpayment.Money(recovery.Townships[0].Amount));
    }

    [Fact]
    public async Task LoadAsync_NothingConfirmed_NothingToRecover()
    {
        await SetAsync("paid-after-death", Jia, FindingStatus.Dismissed);
        await SetAsync("deceased-recipient", Bing, FindingStatus.Dismissed);

        var recovery = await LoadAsync();

        Assert.Empty(recovery.Confirmed);
        Assert.Equal(0m, recovery.Total);
        Assert.Equal(10, recovery.Overpayments.Count);
    }

    [Fact]
    public async Task LoadAsync_OneTownship_OnlyItsOwn()
    {
        await SetAsync("paid-after-death", Jia, FindingStatus.Confirmed);
        await SetAsync("paid-after-death", Bing, FindingStatus.Confirmed);

        var recovery = await LoadAsync(Luojin);

        Assert.Equal([(Luojin, 1500.00m)], recovery.Townships.Select(t => (t.Township, t.Amount)));
        Assert.DoesNotContain(recovery.Overpayments.Keys, k => k.Contains(Jia, StringComparison.Ordinal));
    }
}
