using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// The monthly run on the committed <c>sample-data/</c> is a public format: its CSV/JSON outputs are compared with
/// the approved copies in <c>tests/ReliefMatch.Tests/Approved/sample-data-2023-07/</c>. When an output changes on
/// purpose, the test writes <c>*.received.*</c> beside the approved file; review it and rename it over the approved one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthlyRunApprovedTests(PostgresFixture postgres)
{
    private static readonly ReportingMonth July = new(2023, 7);

    public static readonly string ApprovedFolder = Path.Combine(RepositoryRoot.Path, "tests", "ReliefMatch.Tests", "Approved", "sample-data-2023-07");

    [Fact]
    public async Task Run_SampleData_MatchesApprovedOutputs()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var output = TempFolder.Create("approved-run");
        try
        {
            var run = new MonthlyRun(db.DataSource, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), Installation.OfSample, new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero)), NullLogger.Instance);
            await run.ExecuteAsync(new MonthlyRunRequest(July, Path.Combine(RepositoryRoot.Path, "sample-data"), output));

            var produced = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var approved = Directory.Exists(ApprovedFolder)
                ? Directory.EnumerateFiles(ApprovedFolder, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(ApprovedFolder, f).Replace('\\', '/'))
                    .Where(f => !f.Contains(".received.", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];

            var differences = new List<string>();
            foreach (var file in produced)
            {
                var actual = await File.ReadAllBytesAsync(Path.Combine(output, file));
                var approvedPath = Path.Combine(ApprovedFolder, file);
                var approvedBytes = File.Exists(approvedPath) ? await File.ReadAllBytesAsync(approvedPath) : null;
                if (approvedBytes is null || !actual.AsSpan().SequenceEqual(approvedBytes))
                {
                    var received = Path.Combine(ApprovedFolder, Path.ChangeExtension(file, ".received" + Path.GetExtension(file)));
                    Directory.CreateDirectory(Path.GetDirectoryName(received)!);
                    await File.WriteAllBytesAsync(received, actual);
                    differences.Add($"{file} differs from the approved copy (see {received})");
                }
            }
            differences.AddRange(approved.Except(produced, StringComparer.Ordinal).Select(f => $"{f} is approved but was not produced"));
            Assert.True(differences.Count == 0, string.Join("\n", differences));
            Assert.Contains("findings.csv", produced);
            Assert.Contains("stats.json", produced);
            Assert.Contains("imports.json", produced);
        }
        finally
        {
            TempFolder.Delete(output);
        }
    }

    [Fact]
    public async Task Run_SameMonthTwice_WritesByteIdenticalOutputsAndImportsNothingTwice()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var first = TempFolder.Create("run-first");
        var second = TempFolder.Create("run-second");
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero));
            var run = new MonthlyRun(db.DataSource, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), Installation.OfSample, time, NullLogger.Instance);
            var input = Path.Combine(RepositoryRoot.Path, "sample-data");
            var one = await run.ExecuteAsync(new MonthlyRunRequest(July, input, first));
            time.Advance(TimeSpan.FromHours(5));
            var two = await run.ExecuteAsync(new MonthlyRunRequest(July, input, second));

            Assert.False(one.ReusedStoredFindings);
            Assert.True(two.ReusedStoredFindings, "nothing new was imported, so the stored findings are reused");
            Assert.All(one.Imports, r => Assert.False(r.AlreadyImported));
            Assert.All(two.Imports, r => Assert.True(r.AlreadyImported));
            foreach (var name in Directory.EnumerateFiles(first, "*.*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(first, f))
                         .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, name)), await File.ReadAllBytesAsync(Path.Combine(second, name)));
            }
            Assert.Equal(one.Findings.Select(f => (f.Finding.Key, f.FirstSeen)).Order(), two.Findings.Select(f => (f.Finding.Key, f.FirstSeen)).Order());
        }
        finally
        {
            TempFolder.Delete(first);
            TempFolder.Delete(second);
        }
    }

    [Fact]
    public async Task Run_RuleParameterChanged_EvaluatesAgainInsteadOfReusing()
    {
        await using var db = await postgres.NewDatabaseAsync();
        var rulesFolder = TempFolder.Create("changed-rules");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "rules"), "*.yaml"))
            {
                File.Copy(file, Path.Combine(rulesFolder, Path.GetFileName(file)));
            }
            var time = new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero));
            var input = Path.Combine(RepositoryRoot.Path, "sample-data");
            var one = await new MonthlyRun(db.DataSource, RuleFolder.Load(rulesFolder), Installation.OfSample, time, NullLogger.Instance)
                .ExecuteAsync(new MonthlyRunRequest(July, input, null));

            var medical = Path.Combine(rulesFolder, "low-income-medical.yaml");
            File.WriteAllText(medical, File.ReadAllText(medical).Replace("threshold: 20000.00", "threshold: 5000.00", StringComparison.Ordinal));
            var two = await new MonthlyRun(db.DataSource, RuleFolder.Load(rulesFolder), Installation.OfSample, time, NullLogger.Instance)
                .ExecuteAsync(new MonthlyRunRequest(July, input, null));

            Assert.False(two.ReusedStoredFindings);
            Assert.True(two.Findings.Count(f => f.Finding.RuleId == "low-income-medical") > one.Findings.Count(f => f.Finding.RuleId == "low-income-medical"));
        }
        finally
        {
            TempFolder.Delete(rulesFolder);
        }
    }
}
