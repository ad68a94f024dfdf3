using Microsoft.Extensions.Logging.Abstractions;
using ReliefMatch.Benchmarks.Peer;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;
using Spectre.Console;

namespace ReliefMatch.Tests.Benchmarks.Peer;

/// <summary>The bench's DuckDB peer on a small generated county, beside the monthly run on the real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DuckDbPeerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RunAsync_SmallCountyWithDuckDbPeer_AlternatesAndEveryPeerFindingIsAlsoTheRunsWhereIdentityIsExact()
    {
        var work = TempFolder.Create("bench-peer");
        try
        {
            var options = new BenchOptions([2_000], work, Alternations: 2);
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
            var peer = new DuckDbPeer();
            var server = BenchServer.OnServer(postgres.AdminConnectionString, "test server");

            var report = await new BenchRunner(options, rules, TimeProvider.System, NullLogger.Instance, new StringWriter(), peer).RunAsync(server);

            var size = Assert.Single(report.Sizes);
            var measured = size.Peer!;
            Assert.Equal(2, measured.RunSeconds.Count);
            Assert.Equal(2, measured.PeerSeconds.Count);
            Assert.Equal(2, measured.DatabaseSeconds.Count);
            Assert.Contains(size.First.Seconds, measured.RunSeconds);
            Assert.True(measured.Ratio > 0);
            Assert.True(report.ClusterCreation > TimeSpan.Zero);
            Assert.Equal(size.First.Findings, size.Second.Findings);

            // The seven rules the peer expresses, each with findings on both sides, and none the run lacks: in plain
            // mode every peer finding rests on an ID and name as written, which the run matches exactly.
            Assert.Equal(peer.Kinds.Order(), rules.Enabled.Where(r => peer.Kinds.Contains(r.Kind)).Select(r => r.Kind).Order());
            Assert.Equal(7, measured.Agreement.Count);
            Assert.All(measured.Agreement, a =>
            {
                Assert.True(a.Both > 0, a.RuleId);
                Assert.True(a.PeerIncluded, $"{a.RuleId}: {a.OnlyPeer} found by the peer only");
            });
            Assert.Contains(report.Targets, t => t.Name.StartsWith("whole run ÷ duckdb", StringComparison.Ordinal) && t.Met is not null);

            var printed = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(printed), ColorSystem = ColorSystemSupport.NoColors });
            console.Profile.Width = 200;
            BenchReportPrinter.Print(console, report);
            Assert.Contains("beside duckdb on the same files", printed.ToString(), StringComparison.Ordinal);
            Assert.Contains("low-income-severe-disability", printed.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(work);
        }
    }

    [Fact]
    public async Task RunAsync_DropFolderWithASpreadsheet_RefusesNamingTheFile()
    {
        var inbox = TempFolder.Create("peer-inbox");
        try
        {
            Directory.CreateDirectory(Path.Combine(inbox, "roster"));
            var sheet = Path.Combine(inbox, "roster", "花名册.xlsx");
            await File.WriteAllBytesAsync(sheet, [0x50, 0x4B]);
            var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                new DuckDbPeer().RunAsync(new PeerRequest(inbox, new(2023, 7), rules, "450326"), CancellationToken.None));

            Assert.Contains(sheet, e.Message, StringComparison.Ordinal);
            Assert.Contains("--plain true", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(inbox);
        }
    }
}
