using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Runs;

/// <summary>
/// A finding's 预警编号 depends on content only: a database whose identity values were used up (as by imports
/// killed and run again) gives the outputs of a clean one, byte for byte.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FindingReferenceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Run_ExtractIdentityValuesUsedUpBefore_OutputsEqualACleanRun()
    {
        var root = TempFolder.Create("references");
        try
        {
            await using (var clean = await postgres.NewDatabaseAsync())
            {
                await RunAsync(clean, Path.Combine(root, "clean"));
            }
            await using (var burnt = await postgres.NewDatabaseAsync())
            {
                // Transactions that inserted extracts and were rolled back (or killed) use the values up all the same.
                for (var i = 0; i < 37; i++)
                {
                    await using var connection = await burnt.DataSource.OpenConnectionAsync();
                    await using var tx = await connection.BeginTransactionAsync();
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO reliefmatch.extracts (source, file, sha256, size, encoding, header_row, rows_read, accepted, rejected, skipped, imported_at, period)
                        VALUES ('disability', 'x.csv', md5(random()::text), 0, '', 1, 0, 0, 0, 0, now(), '2023-07')
                        """, connection, tx);
                    await insert.ExecuteNonQueryAsync();
                    await tx.RollbackAsync();
                }
                await RunAsync(burnt, Path.Combine(root, "burnt"));
            }

            var files = Directory.EnumerateFiles(Path.Combine(root, "clean"), "*.csv", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(root, "clean"), f)).ToList();
            Assert.Contains("findings.csv", files);
            Assert.Contains(File.ReadLines(Path.Combine(root, "clean", "findings.csv")), l => l.StartsWith("id-name-mismatch,", StringComparison.Ordinal));
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(root, "clean", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, "burnt", file))),
                    $"{file} differs after identity values were used up");
            }
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static Task RunAsync(Database db, string output) =>
        new MonthlyRun(db.DataSource, RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules")), Installation.OfSample,
                new FakeTimeProvider(new DateTimeOffset(2023, 8, 1, 18, 0, 0, TimeSpan.Zero)), NullLogger.Instance)
            .ExecuteAsync(new MonthlyRunRequest(new ReportingMonth(2023, 7), Path.Combine(RepositoryRoot.Path, "sample-data"), output));
}
