using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Bench;

[Collection(PostgresCollection.Name)]
public sealed class BenchRunnerTests(PostgresFixture postgres)
{
    private static readonly string[] Stages = ["import", "load", "match", "save", "outputs"];

    /// <summary>
    /// Nothing new imported and the rules unchanged: the second run reuses the stored findings, and the first run's
    /// outputs are still in the folder, unchanged, so it writes none.
    /// </summary>
    private static readonly string[] ReuseStages = ["import", "reuse"];

    /// <summary>The rows the bench's sample of <paramref name="households"/> holds in the files the import reads (written again aside).</summary>
    private static long ImportedSourceRows(BenchOptions options, int households, string work)
    {
        var folder = Path.Combine(work, "rows-" + households.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var summary = ReliefMatch.SampleData.SampleGenerator.Write(folder, new ReliefMatch.SampleData.SampleOptions(households, options.Seed, options.Month, options.Plain));
        var read = ReliefMatch.Storage.Imports.ExtractImporter.FilesOf(folder).Select(f => f.DisplayName).ToHashSet(StringComparer.Ordinal);
        Directory.Delete(folder, recursive: true);
        return summary.Files.Where(f => read.Contains(f.Path)).Sum(f => f.Rows);
    }

    [Fact]
    public async Task RunAsync_TwoSizesTenfoldApart_MeasuresEveryStageOfBothRunsAndCleansUp()
    {
        var work = TempFolder.Create("bench");
        try
        {
            var options = new BenchOptions([300, 30], work);
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
            var progress = new StringWriter();
            var server = BenchServer.OnServer(postgres.AdminConnectionString, "test server");

            var report = await new BenchRunner(options, rules, TimeProvider.System, NullLogger.Instance, progress).RunAsync(server);

            Assert.Equal([30, 300], report.Sizes.Select(s => s.Households));
            foreach (var size in report.Sizes)
            {
                Assert.Equal(Stages, size.First.Stages.Select(s => s.Stage));
                Assert.Equal(ReuseStages, size.Second.Stages.Select(s => s.Stage));
                Assert.True(size.InputRecords > 0);
                // Every generated row of a source the import reads is accepted in plain mode except the planted bad IDs;
                // the loaded month is what was imported.
                var imported = ImportedSourceRows(options, size.Households, work);
                Assert.InRange(size.First.Stage("import")!.Rows, imported * 9 / 10, imported);
                Assert.True(imported <= size.GeneratedRows);
                Assert.Equal(size.InputRecords, size.First.Stage("match")!.Rows);
                Assert.Equal(size.First.Findings, size.First.Stage("save")!.Rows);
                Assert.True(size.First.Findings > 0);
                // The second run finds nothing new to import and the same findings.
                Assert.Equal(0, size.Second.Stage("import")!.Rows);
                Assert.Equal(size.First.Findings, size.Second.Findings);
                Assert.True(size.First.Seconds >= size.First.Stages.Sum(s => s.Seconds) * 0.99);
                if (OperatingSystem.IsLinux())
                {
                    Assert.All(size.First.Stages, s => Assert.True(s.PeakResidentBytes > 0));
                }
            }
            var step = Assert.Single(report.Scaling);
            Assert.True(step.IsTenfold);
            Assert.InRange(step.DataRatio, 5, 15);
            Assert.Equal(6, report.Targets.Count);
            Assert.Null(report.Sizes[1].Peer);
            Assert.Contains("300 households", progress.ToString(), StringComparison.Ordinal);

            // Without --keep nothing of a size stays: neither its folder nor its database.
            Assert.Empty(Directory.EnumerateDirectories(work));
            await using var connection = new NpgsqlConnection(postgres.AdminConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'reliefmatch_bench_%'", connection);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            TempFolder.Delete(work);
        }
    }
}
