using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// A run that evaluated its month counts the 统计表 from the roster and monitoring records it holds, reading back only
/// the previous month's snapshots; the workplace and a reused run count it from storage. Both must give the same sheet.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthSheetTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);

    [Fact]
    public async Task FirstRun_GeneratedCountyOfTwoMonths_SheetFromHeldMonthEqualsSheetFromStorage()
    {
        // The messy mix (GB18030, spreadsheets, title rows, repaired, 15-digit and invalid IDs, the neighbour county's
        // roster beside the home one) for June, stored by an earlier run, and July, this run's first: July's roster and
        // monitoring come from the files just parsed, June's are read back.
        await using var db = await postgres.NewDatabaseAsync();
        var june = TempFolder.Create("sheet-june");
        var july = TempFolder.Create("sheet-july");
        var output = TempFolder.Create("sheet-output");
        try
        {
            SampleGenerator.Write(june, new SampleOptions(1_000, Period: June));
            SampleGenerator.Write(july, new SampleOptions(1_000, Period: July));
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
            var run = new MonthlyRun(db.DataSource, rules, Installation.OfSample, new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero)), NullLogger.Instance);
            await run.ExecuteAsync(new MonthlyRunRequest(June, june, null));
            var result = await run.ExecuteAsync(new MonthlyRunRequest(July, july, output));
            Assert.False(result.ReusedStoredFindings);

            var (fromStorage, _) = await MonthSheet.CountAsync(db.DataSource, rules, Installation.OfSample.HomeCountyCode, July, result.Findings, result.Townships, CancellationToken.None);

            Assert.Equal(Cells(fromStorage), Cells(result.Statistics!));
            // Not a sheet of blanks and zeros: the cells of this month's and the previous month's roster and monitoring are counted.
            Assert.True(fromStorage.County.Duty("new_rural_dibao") > 0);
            Assert.True(fromStorage.County.Duty("tekun_visited") > 0);
            Assert.True(fromStorage.County.Tag("monitored") > 0);
            Assert.True(fromStorage.County.DataWarning.Total > 0);
            Assert.DoesNotContain(fromStorage.Missing, m => m.Sources.Contains(StatisticsSource.PreviousRoster) || m.Sources.Contains(StatisticsSource.Roster));

            // The held records are the ones counted (no second read of July), and June's are read back.
            var set = await new ExtractSetLoader(db.DataSource, rules.Sources).LoadAsync(July);
            var held = await new StatisticsSourceLoader(db.DataSource, rules.Sources, HeldSnapshots.Of(set)).LoadAsync(July, Installation.OfSample.HomeCountyCode);
            Assert.Same(set.Roster, held.Input.Roster);
            Assert.Same(set.Monitoring, held.Input.Monitoring);
            Assert.NotEmpty(held.Input.PreviousRoster!);
            Assert.DoesNotContain(held.Input.PreviousRoster!, r => set.Extracts.ContainsKey(r.ExtractId));
            // Records of other extracts than the snapshot's are never taken for it.
            var other = new HeldSnapshots([long.MaxValue], [], [long.MaxValue], []);
            var stored = await new RosterSnapshotLoader(db.DataSource, other).LoadAsync(July);
            Assert.Equal(set.Roster.Count, stored.Rows.Count);
            Assert.Equal((await new RosterSnapshotLoader(db.DataSource).LoadMonitoringAsync(July))!.Value.Rows.Count,
                (await new RosterSnapshotLoader(db.DataSource, other).LoadMonitoringAsync(July))!.Value.Rows.Count);
        }
        finally
        {
            TempFolder.Delete(june);
            TempFolder.Delete(july);
            TempFolder.Delete(output);
        }
    }

    /// <summary>Every cell of the sheet, of the county and each township, and every blank cell with its sources, as text lines.</summary>
    private static List<string> Cells(MonthStatistics statistics)
    {
        var lines = new List<string>();
        foreach (var (unit, figures) in statistics.Townships.Select(t => (t.Township, t.Figures)).Prepend(("county", statistics.County)))
        {
            lines.Add($"{unit}|data_warning|{figures.DataWarning}");
            lines.AddRange(SheetCells.Tags.Select(c => $"{unit}|tags|{c.Key}|{figures.Tag(c.Key)?.ToString(CultureInfo.InvariantCulture) ?? "blank"}"));
            lines.AddRange(SheetCells.Duties.Select(c => $"{unit}|duties|{c.Key}|{figures.Duty(c.Key)?.ToString(CultureInfo.InvariantCulture) ?? "blank"}"));
            lines.Add($"{unit}|meeting_on|{figures.MeetingOn}|tags_counted|{figures.TagsCounted}");
        }
        lines.AddRange(statistics.Missing.Select(m => $"missing|{m.Cell.Group}|{m.Cell.Key}|{string.Join(",", m.Sources)}"));
        return lines;
    }
}
