using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Workplace;

[Collection(PostgresCollection.Name)]
public sealed class FindingQueriesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly ReportingMonth August = new(2023, 8);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 3, 2, 0, 0, TimeSpan.Zero));
    private Database _db = null!;
    private FindingStore _store = null!;
    private FindingQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _db = await postgres.NewDatabaseAsync();
        _store = new FindingStore(_db.DataSource, _time);
        _queries = new FindingQueries(_db.DataSource);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Finding Make(int person, string township, string rule = "deceased-recipient", string household = "", string name = "") => new()
    {
        RuleId = rule,
        RuleVersion = 2,
        IdNumber = TestRecords.IdNumber(person),
        HouseholdId = household.Length > 0 ? household : "H" + person,
        Name = name.Length > 0 ? name : "张" + person,
        Township = township,
        Village = "城北村",
        Programmes = [Programme.Tekun, Programme.RuralDibao],
        Confidence = Confidence.Repaired,
        Evidence = [new Evidence(SourceKind.PoliceDeaths, 4, 7, "公安户籍注销：2023-05-12 死亡"), new Evidence(SourceKind.HealthDeaths, 5, 9, "卫健死亡医学证明：2023-05-10")],
        FeedsDataWarning = true,
        SuggestedAction = "核实后停保",
        DueDays = 15,
        Discriminator = "d",
    };

    /// <summary>A rule published between two months does not rewrite what raised the earlier month's finding.</summary>
    [Fact]
    public async Task ForPeriodAsync_RulePublishedSince_TheVersionThatRaisedItThatMonth()
    {
        await _store.SaveRunAsync(July, [Make(1, "罗锦镇") with { RuleVersion = 1 }]);
        await _store.SaveRunAsync(August, [Make(1, "罗锦镇")]);

        Assert.Equal(1, Assert.Single(await _queries.ForPeriodAsync(July)).Finding.RuleVersion);
        Assert.Equal(2, Assert.Single(await _queries.ForPeriodAsync(August)).Finding.RuleVersion);
        Assert.Equal(1, Assert.Single(await _store.LoadPeriodAsync(July, _ => "")).Finding.RuleVersion);
        var explained = Assert.Single(await new FindingExplainer(_db.DataSource).FindAsync(Make(1, "罗锦镇").Reference));
        Assert.Equal([KeyValuePair.Create(July, 1), KeyValuePair.Create(August, 2)], explained.Periods);
        Assert.Equal((July, 1), (explained.ViewedFor(July), explained.VersionIn(explained.ViewedFor(July))));
        Assert.Equal((August, 2), (explained.ViewedFor(null), explained.VersionIn(explained.ViewedFor(null))));
        Assert.Equal(August, explained.ViewedFor(new ReportingMonth(2023, 5)));
    }

    /// <summary>The workplace and the run read a stored finding through the one mapping: every field comes back alike.</summary>
    [Fact]
    public async Task ForPeriodAsync_AsTheRunReadsTheMonth_TheSameFindings()
    {
        var probable = Make(3, "苏桥镇", rule: "duplicate-enrolment") with { Confidence = Confidence.Probable, Programmes = [Programme.UrbanDibao], Evidence = [] };
        await _store.SaveRunAsync(July, [Make(1, "罗锦镇"), Make(2, "罗锦镇") with { Confidence = Confidence.Review, FeedsDataWarning = false }, probable]);

        var workplace = await _queries.ForPeriodAsync(July);
        var run = await _store.LoadPeriodAsync(July, _ => "");

        static string Fields(Finding f) => string.Join("|", f.Key, f.RuleId, f.RuleVersion, f.IdNumber, f.HouseholdId, f.Discriminator, f.Name, f.Township,
            f.Village, string.Join(",", f.Programmes), f.Confidence, string.Join(",", f.Evidence), f.FeedsDataWarning, f.SuggestedAction, f.DueDays);
        Assert.Equal(run.Select(f => Fields(f.Finding)).Order(StringComparer.Ordinal), workplace.Select(f => Fields(f.Finding)).Order(StringComparer.Ordinal));
        Assert.Equal([Confidence.Repaired, Confidence.Review, Confidence.Probable], workplace.OrderBy(f => f.Finding.IdNumber, StringComparer.Ordinal).Select(f => f.Finding.Confidence));
    }

    [Fact]
    public async Task ForPeriodAsync_Month_TheFindingsItProducedAsStoredWithTheirStatus()
    {
        var a = Make(1, "罗锦镇");
        var b = Make(2, "苏桥镇");
        await _store.SaveRunAsync(July, [a, b]);
        await _store.SetDispositionAsync(b.Key, FindingStatus.Dismissed, "误报", "suqiao1");
        await _store.SaveRunAsync(August, [a]);

        var july = await _queries.ForPeriodAsync(July);
        var august = await _queries.ForPeriodAsync(August);
        var luojin = await _queries.ForPeriodAsync(July, "罗锦镇");

        Assert.Equal(["张1", "张2"], july.Select(f => f.Finding.Name));
        Assert.Equal(a with { Evidence = [], Programmes = [] }, july[0].Finding with { Evidence = [], Programmes = [] });
        Assert.Equal(a.Evidence, july[0].Finding.Evidence);
        Assert.Equal(a.Programmes, july[0].Finding.Programmes);
        Assert.Equal((FindingStatus.Dismissed, "误报", "suqiao1"), (july[1].Status, july[1].DispositionReason, july[1].DispositionBy));
        Assert.Equal((July, August), (august.Single().FirstSeen, august.Single().LastSeen));
        Assert.Equal(["张1"], luojin.Select(f => f.Finding.Name));
    }

    [Fact]
    public async Task ByReferencesAsync_References_TheFindingsWhoseReferenceTheDatabaseComputesAlike()
    {
        var a = Make(1, "罗锦镇", household: "罗锦·一组 7号");
        var b = Make(2, "苏桥镇");
        await _store.SaveRunAsync(July, [a, b]);

        var found = await _queries.ByReferencesAsync([a.Reference.ToLowerInvariant(), " " + b.Reference, "0000000000000000", "short"]);

        Assert.Equal(new[] { a.Reference, b.Reference }.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((a.Key, "罗锦镇", FindingStatus.Open), (found[a.Reference].Key, found[a.Reference].Township, found[a.Reference].Status));
        Assert.Equal("苏桥镇", found[b.Reference].Township);
    }

    [Fact]
    public async Task SearchAsync_ByNameIdRuleReferenceTownshipAndStatus_MatchingFindings()
    {
        var a = Make(1, "罗锦镇", name: "李小明");
        var b = Make(2, "苏桥镇", rule: "duplicate-enrolment", name: "王小红");
        var c = Make(3, "苏桥镇", name: "赵大");
        await _store.SaveRunAsync(July, [a, b, c]);
        await _store.SetDispositionAsync(c.Key, FindingStatus.Confirmed, "", "x");

        async Task<string[]> Names(FindingSearch search) => (await _queries.SearchAsync(search)).Select(f => f.Finding.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["李小明", "王小红"], await Names(new FindingSearch { Text = "小" }));
        Assert.Equal(["李小明"], await Names(new FindingSearch { Text = a.IdNumber }));
        Assert.Equal(["李小明"], await Names(new FindingSearch { Text = a.IdNumber[^6..] }));
        Assert.Equal(["王小红"], await Names(new FindingSearch { Text = "duplicate-enrolment" }));
        Assert.Equal(["王小红"], await Names(new FindingSearch { Text = b.Reference.ToLowerInvariant() }));
        Assert.Equal(["王小红", "赵大"], await Names(new FindingSearch { Township = "苏桥镇" }));
        Assert.Equal(["赵大"], await Names(new FindingSearch { Status = FindingStatus.Confirmed }));
        Assert.Equal(["李小明", "赵大"], await Names(new FindingSearch { RuleId = "deceased-recipient" }));
        Assert.Single(await _queries.SearchAsync(new FindingSearch { Limit = 1 }));
        Assert.Empty(await Names(new FindingSearch { Text = "%" }));
    }

    [Fact]
    public async Task PeriodsAndRuleIds_Stored_NewestMonthFirstAndRulesInOrder()
    {
        await _store.SaveRunAsync(July, [Make(1, "罗锦镇", rule: "low-income-medical"), Make(2, "罗锦镇")]);
        await _store.SaveRunAsync(August, []);

        Assert.Equal([August, July], await _queries.PeriodsAsync());
        Assert.Equal(["deceased-recipient", "low-income-medical"], await _queries.RuleIdsAsync());
    }
}
