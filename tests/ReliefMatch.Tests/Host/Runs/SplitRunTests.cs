using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>The split run's bookkeeping without the scheduler: parts in any order, repeats, and changed inputs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SplitRunTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly string SampleData = Path.Combine(RepositoryRoot.Path, "sample-data");

    private static SplitRun Split(ReliefMatch.Storage.Database db) =>
        new(db.DataSource, ShippedRules.Set, Installation.OfSample, new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero)), NullLogger.Instance);

    [Fact]
    public async Task Parts_in_any_order_and_repeated_merge_once_into_the_findings_of_a_whole_run()
    {
        await using var db = await postgres.NewDatabaseAsync();
        await new ExtractImporter(db.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options).ImportFolderAsync(SampleData, July);
        var split = Split(db);
        var runId = await split.StartAsync(July, 3);

        Assert.False(await split.EvaluatePartAsync(runId, new IdPartition(2, 3), "b"));
        Assert.False(await split.EvaluatePartAsync(runId, new IdPartition(0, 3), "a"));
        Assert.False(await split.EvaluatePartAsync(runId, new IdPartition(2, 3), "a")); // delivered again: kept once
        Assert.True(await split.EvaluatePartAsync(runId, new IdPartition(1, 3), "a"));
        var merged = await split.MergeAsync(runId, null);
        Assert.Null(await split.MergeAsync(runId, null)); // a second merge finds the run done
        // The merge drew the month's control list, as a run in one piece does.
        Assert.Equal(Installation.OfSample.Townships.Count, await StorageTestDb.CountAsync(db.DataSource, "control_draws", "period = '2023-07'"));

        var whole = await new MonthlyRun(db.DataSource, ShippedRules.Set, Installation.OfSample, new FakeTimeProvider(), NullLogger.Instance)
            .ExecuteAsync(new MonthlyRunRequest(July, null, null));
        Assert.NotNull(merged);
        Assert.True(whole.ReusedStoredFindings, "the merge recorded what it saw, so a later run with nothing new reuses its findings");
        Assert.Equal(whole.Findings.Select(f => (f.Finding.Key, f.FirstSeen)).Order(), merged.Findings.Select(f => (f.Finding.Key, f.FirstSeen)).Order());
        Assert.True(merged.Findings.Count > 50);
        Assert.Equal("(b)", await StorageTestDb.DumpAsync(db.DataSource, $"SELECT server FROM reliefmatch.run_parts WHERE run_id = {runId} AND part = 2"));
    }

    [Fact]
    public async Task An_extract_imported_while_the_parts_ran_fails_the_merge_instead_of_mixing_inputs()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var importer = new ExtractImporter(db.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options);
        await importer.ImportFolderAsync(SampleData, July);
        var split = Split(db);
        var runId = await split.StartAsync(July, 2);
        await split.EvaluatePartAsync(runId, new IdPartition(0, 2), "a");

        var drop = TempFolder.Create("late-extract");
        try
        {
            // The police file again, re-sent with one more line at its end: other bytes, so a new extract.
            var police = Directory.EnumerateFiles(Path.Combine(SampleData, "police-deaths")).Order(StringComparer.Ordinal).First();
            Directory.CreateDirectory(Path.Combine(drop, "police-deaths"));
            File.WriteAllBytes(Path.Combine(drop, "police-deaths", "补报_" + Path.GetFileName(police)), [.. File.ReadAllBytes(police), (byte)'\r', (byte)'\n']);
            var late = await importer.ImportFolderAsync(drop, July);
            Assert.Null(Assert.Single(late).RefusedReason);
        }
        finally
        {
            TempFolder.Delete(drop);
        }
        Assert.True(await split.EvaluatePartAsync(runId, new IdPartition(1, 2), "a"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => split.MergeAsync(runId, null));
        Assert.Contains("导入的数据或规则有了变化", error.Message);
        Assert.Equal(1, await StorageTestDb.CountAsync(db.DataSource, "runs", $"id = {runId} AND status = 'failed'"));
        Assert.Equal(0, await StorageTestDb.CountAsync(db.DataSource, "findings"));
    }
}
