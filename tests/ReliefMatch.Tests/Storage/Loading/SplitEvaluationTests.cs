using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Storage.Loading;

/// <summary>
/// A run split by resident ID gives the findings of the whole run: each part loaded through the real loader (its SQL
/// condition on the departmental records) and evaluated on its own, the parts merged. On a generated county with
/// every kind of planted case, invalid, repaired, 15-digit and missing IDs, name-only death matches included.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SplitEvaluationTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);

    [Fact]
    public async Task The_parts_of_a_split_run_merged_are_the_whole_run_for_any_number_of_parts()
    {
        var folder = TempFolder.Create("split-county");
        try
        {
            SampleGenerator.Write(folder, new SampleOptions(2_000));
            await using var db = await postgres.NewDatabaseAsync();
            await new ExtractImporter(db.DataSource, new FakeTimeProvider(), readerOptions: Readers.TestExtracts.Options).ImportFolderAsync(folder, July);
            var loader = new ExtractSetLoader(db.DataSource);
            var month = await loader.LoadAsync(July);
            var whole = FindingEngine.Evaluate(month, July, ShippedRules.Set, MonthBuilder.County);
            Assert.True(whole.Count > 300, $"the county should raise findings of every rule, got {whole.Count}");
            // Every rule the month's sources can feed (a rule whose source the sample does not write is skipped).
            var skipped = FindingEngine.Skipped(month, ShippedRules.Set).Select(s => s.RuleId).ToHashSet();
            Assert.Equal(ShippedRules.Set.Enabled.Select(r => r.Id).Where(id => !skipped.Contains(id)).Order(), whole.Select(f => f.RuleId).Distinct().Order());

            foreach (var count in new[] { 2, 3, 7 })
            {
                var parts = new List<IReadOnlyList<Finding>>();
                foreach (var part in IdPartition.All(count))
                {
                    var data = await loader.LoadAsync(July, part);
                    parts.Add(FindingEngine.EvaluatePart(data, July, ShippedRules.Set, part, MonthBuilder.County));
                }
                var merged = FindingEngine.Merge(parts);

                Assert.Equal(Describe(whole), Describe(merged));
                Assert.True(parts.Count(p => p.Count > 0) == count, $"every one of the {count} parts should own findings");
            }
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static List<string> Describe(IReadOnlyList<Finding> findings) =>
        findings.Select(f => $"{f.Key}|{f.Township}|{f.Village}|{f.Name}|{f.Confidence}|{string.Join(",", f.Programmes)}|" +
                             string.Join(";", f.Evidence.Select(e => $"{e.Source}:{e.ExtractId}:{e.Row}:{e.Text}"))).ToList();
}
