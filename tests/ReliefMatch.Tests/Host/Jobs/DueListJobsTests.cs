using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class DueListJobsTests(PostgresFixture postgres)
{
    private static readonly RosterRecord[] Roster =
    [
        TestRecords.Roster(3, 1, "H1") with { LastCheckOn = new DateOnly(2023, 1, 31) },
        TestRecords.Roster(4, 2, "H2") with { LastCheckOn = new DateOnly(2023, 1, 30) },
        TestRecords.Roster(5, 3, "H3", Programme.Tekun) with { LastCheckOn = null, Township = "罗锦镇" },
        TestRecords.Roster(6, 4, "H4", Programme.Edge) with { LastCheckOn = null },
    ];

    [Fact]
    public async Task OverdueList_EndOfJuly_HouseholdsOverdueOn31JulyStoredAndARepeatChangesNothing()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await h.ImportRosterAsync(new(2023, 7), "roster.csv", Roster);
        h.StartServer("a");

        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueOverdueList("2023-07")));
        const string state = "SELECT l.xmin, l.id, l.content_sha256, i.xmin, i.household_id FROM reliefmatch.due_lists l JOIN reliefmatch.due_list_items i ON i.list_id = l.id";
        var before = await StorageTestDb.DumpAsync(h.Database.DataSource, state);
        Assert.Equal("Succeeded", await h.WaitForSuccessAsync(h.Scheduler.EnqueueOverdueList("2023-07")));

        var list = await h.Services.GetRequiredService<DueListStore>().GetAsync(DueListKind.Overdue, new ReportingMonth(2023, 7));
        Assert.Equal(["H2", "H3"], list!.Items.Select(i => i.HouseholdId).Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2023, 7, 31), list.Summary.AsOf);
        Assert.Equal(before, await StorageTestDb.DumpAsync(h.Database.DataSource, state));
        Assert.EndsWith("；无变化", (await JobQueries.RunsAsync(h, JobNames.OverdueList))[1].Detail);
    }

    [Fact]
    public async Task Recheck_January_EveryEnrolledHouseholdWithItsDueDateFromTheDecemberRoster()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await h.ImportRosterAsync(new(2023, 12), "roster.csv", Roster);

        await h.Services.GetRequiredService<DueListJobs>().RecheckAsync("2024-01", null, CancellationToken.None);

        var list = await h.Services.GetRequiredService<DueListStore>().GetAsync(DueListKind.EconomicRecheck, new ReportingMonth(2024, 1));
        Assert.Equal((new DateOnly(2024, 1, 1), "2023-12", 3, 3), (list!.Summary.AsOf, list.Summary.RosterPeriod, list.Summary.Households, list.Summary.Overdue));
        Assert.Equal(
            EconomicRecheck.DueList(Roster, "450326", new DateOnly(2024, 1, 1)).Select(d => (d.HouseholdId, d.DueOn)),
            list.Items.Select(d => (d.HouseholdId, d.DueOn)));
        Assert.Equal(new DateOnly(2023, 7, 31), list.Items.Single(i => i.HouseholdId == "H1").DueOn);
    }

    [Fact]
    public async Task Recheck_AnEvidenceSourceRegistered_ItsSignalsAreOnTheList()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await h.ImportRosterAsync(new(2023, 12), "roster.csv", Roster);
        var services = new ServiceCollection()
            .AddSingleton<IEconomicEvidenceSource>(new HousingFund("H3"))
            .AddReliefMatchJobs(h.Options)
            .BuildServiceProvider();
        await using (services)
        {
            await services.GetRequiredService<DueListJobs>().RecheckAsync("2024-01", null, CancellationToken.None);
        }

        var list = await h.Services.GetRequiredService<DueListStore>().GetAsync(DueListKind.EconomicRecheck, new ReportingMonth(2024, 1));
        Assert.Equal(new EconomicSignal("住房公积金", "月缴存基数 6000 元"), Assert.Single(list!.Items.Single(i => i.HouseholdId == "H3").Signals));
    }

    /// <summary>An income source as one will plug in: it looks at a due household and says what it found.</summary>
    private sealed class HousingFund(string household) : IEconomicEvidenceSource
    {
        public string Name => "住房公积金";

        public IEnumerable<EconomicSignal> Signals(HomeHousehold h, DateOnly asOf) => h.HouseholdId == household ? [new EconomicSignal(Name, "月缴存基数 6000 元")] : [];
    }
}
