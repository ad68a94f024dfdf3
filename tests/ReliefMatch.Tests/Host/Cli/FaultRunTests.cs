using System.Diagnostics;
using Npgsql;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
using ReliefMatch.Storage.Cluster;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// The monthly run of a generated county of 20,000 households, on a home of its own, hit by every fault an unlucky
/// operator meets: <c>kill -9</c> while the cluster is created, while extracts are imported, while findings are saved
/// and while outputs are written, and its PostgreSQL stopped with <c>-m immediate</c> in the middle of an import.
/// After the faults the same command is run again until it succeeds; the outputs must then equal those of a clean run
/// byte for byte, every extract must be stored exactly once with the clean run's rows, no server may be left running
/// and no password may lie in the cluster's log folder.
/// </summary>
/// <remarks>
/// The faults come one after another on the same home: each faulted command is the re-run of the one before it, so
/// every fault meets the state the previous one left. A fault whose moment did not come before the command ended
/// is counted as missed, not as survived.
/// </remarks>
[Trait("Category", "Fault")]
[Collection(PostgresCollection.Name)]   // one heavy process at a time on a small machine
public sealed class FaultRunTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> PrivateDatabase = [];
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] PasswordFiles = ["password", "owner-password", "app-password"];

    private readonly string _root = TempFolder.Create("reliefmatch-fault");

    private string Input => Path.Combine(_root, "inbox");

    private string CleanHome => Path.Combine(_root, "clean-home");

    private string FaultHome => Path.Combine(_root, "fault-home");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await PrivateCluster.StopAsync(CleanHome);
        await PrivateCluster.StopAsync(FaultHome);
        TempFolder.Delete(_root);
    }

    private string[] RunArguments(string home, string outputs) =>
        ["run", "--input", Input, "--period", "2023-07", "--out", outputs, "--home", home];

    [Fact]
    public async Task Run_KilledAndDatabaseLostAtEveryStage_RerunEqualsACleanRunAndNothingIsLostDoubledOrLeftRunning()
    {
        var clock = Stopwatch.StartNew();
        SampleFolder.Write(Input, new SampleOptions(20_000));
        // The files the import reads (the sources it has a reader for).
        var inputFiles = ExtractImporter.FilesOf(Input).Count;

        var cleanOut = Path.Combine(_root, "clean-out");
        var clean = await ReliefmatchProcess.RunAsync(PrivateDatabase, RunArguments(CleanHome, cleanOut));
        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);
        var cleanSeconds = clock.Elapsed.TotalSeconds;

        var faultOut = Path.Combine(_root, "fault-out");
        var arguments = RunArguments(FaultHome, faultOut);
        var postgres = Path.Combine(FaultHome, "postgres");
        var faults = new (string Stage, Func<Task<bool>> Moment, Func<Process, Task> Fault)[]
        {
            ("cluster creation", () => Task.FromResult(Directory.Exists(postgres)
                && Directory.EnumerateFiles(postgres, "PG_VERSION", SearchOption.AllDirectories).Any()), ReliefmatchProcess.KillAsync),
            ("import (database stopped -m immediate)", () => HomeDatabase.RunningAsync(FaultHome, "COPY reliefmatch.%"), _ => ClusterOutage.StopImmediatelyAsync(FaultHome)),
            ("import", () => HomeDatabase.RunningAsync(FaultHome, "COPY reliefmatch.%"), ReliefmatchProcess.KillAsync),
            ("save", () => HomeDatabase.RunningAsync(FaultHome, "COPY incoming%"), ReliefmatchProcess.KillAsync),
            ("outputs", () => Task.FromResult(Directory.Exists(faultOut) && Directory.EnumerateFiles(faultOut, "*", SearchOption.AllDirectories).Any()),
                ReliefmatchProcess.KillAsync),
        };
        var landed = new List<string>();
        foreach (var (stage, moment, fault) in faults)
        {
            var attempt = await ReliefmatchProcess.FaultWhenAsync(PrivateDatabase, moment, fault, AttemptTimeout, arguments);
            output.WriteLine($"{stage}: {(attempt.Landed ? "landed" : "missed (the command ended first)")}, exit code {attempt.Outcome.ExitCode}");
            if (attempt.Landed)
            {
                landed.Add(stage);
            }
            Assert.DoesNotContain("Unhandled exception", attempt.Outcome.Output + attempt.Outcome.Error, StringComparison.Ordinal);
        }

        var reruns = 0;
        ReliefmatchProcess.Result final;
        do
        {
            final = await ReliefmatchProcess.RunAsync(PrivateDatabase, arguments);
            reruns++;
        }
        while (final.ExitCode != 0 && reruns < 3);
        Assert.True(final.ExitCode == 0, final.Output + final.Error);

        // Nothing left running, no secret lying in the log folder.
        Assert.Empty(ProcessesUnder(FaultHome));
        Assert.False(await PrivateCluster.IsRunningAsync(FaultHome), "the fault home's server is still running");
        var leaked = SecretsInLogs(FaultHome);
        Assert.Empty(leaked);

        // Outputs byte for byte, imports.json too: a file an earlier, killed attempt stored is reported with the rows rejected then.
        var cleanFiles = RelativeFiles(cleanOut);
        Assert.Equal(cleanFiles, RelativeFiles(faultOut));
        foreach (var file in cleanFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(cleanOut, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(faultOut, file))), $"{file} differs from the clean run's");
        }

        // Every extract stored once, with the clean run's rows.
        var cleanExtracts = await StoredExtractsAsync(CleanHome);
        var faultExtracts = await StoredExtractsAsync(FaultHome);
        Assert.Equal(cleanExtracts, faultExtracts);
        Assert.Equal(inputFiles, cleanExtracts.Count);
        var lost = cleanExtracts.Except(faultExtracts).Count();
        var doubled = faultExtracts.Count - faultExtracts.Distinct().Count() + faultExtracts.Count(e => e.StoredRows != e.Accepted);

        output.WriteLine($"county: 20,000 households, {inputFiles} files, {cleanExtracts.Sum(e => e.StoredRows):N0} rows stored; clean run {cleanSeconds:F1} s");
        output.WriteLine($"faults tried {faults.Length} (kill points {faults.Length - 1}, outages 1), landed {landed.Count}: {string.Join(", ", landed)}");
        output.WriteLine($"re-runs until success {reruns}; files lost {lost}, duplicates {doubled}, servers left running 0, secrets in logs {leaked.Count}");
        output.WriteLine($"whole test {clock.Elapsed.TotalSeconds:F1} s");
        // Save is the one short window (a county's findings go in by one COPY in well under a second): a fast machine
        // may finish it between two polls, and then the run simply succeeded. Every other fault must land.
        Assert.Equal(faults.Select(f => f.Stage).Where(s => s != "save"), landed.Where(s => s != "save"));
    }

    private static List<string> RelativeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>Processes whose command line names the home (its private PostgreSQL): none may outlive the commands.</summary>
    private static List<string> ProcessesUnder(string home)
    {
        var found = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(home, StringComparison.Ordinal))
                {
                    found.Add(commandLine);
                }
            }
            catch (IOException)
            {
                // ended meanwhile
            }
        }
        return found;
    }

    private static List<string> SecretsInLogs(string home)
    {
        var postgres = Path.Combine(home, "postgres");
        var secrets = PasswordFiles.Select(f => File.ReadAllText(Path.Combine(postgres, f)).Trim()).ToList();
        return [.. Directory.EnumerateFiles(Path.Combine(postgres, "log"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) == ".pw" || secrets.Any(s => File.ReadAllText(f).Contains(s, StringComparison.Ordinal)))];
    }

    private sealed record StoredExtract(string Source, string File, string Sha256, int RowsRead, int Accepted, int Rejected, int Skipped, long RejectedRows, long StoredRows);

    /// <summary>The extracts stored in the home's database, with the rows each one holds (read with the server started for it, then stopped).</summary>
    private static async Task<List<StoredExtract>> StoredExtractsAsync(string home)
    {
        var extracts = new List<StoredExtract>();
        await using (var cluster = await PrivateCluster.StartAsync(home))
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                WITH stored AS (
                    SELECT extract_id FROM reliefmatch.roster_records
                    UNION ALL SELECT extract_id FROM reliefmatch.death_records
                    UNION ALL SELECT extract_id FROM reliefmatch.disability_records
                    UNION ALL SELECT extract_id FROM reliefmatch.medical_records
                    UNION ALL SELECT extract_id FROM reliefmatch.monitoring_records)
                SELECT e.source, e.file, e.sha256, e.rows_read, e.accepted, e.rejected, e.skipped,
                       (SELECT count(*) FROM reliefmatch.rejected_rows r WHERE r.extract_id = e.id),
                       (SELECT count(*) FROM stored s WHERE s.extract_id = e.id)
                FROM reliefmatch.extracts e ORDER BY e.source, e.file
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                extracts.Add(new StoredExtract(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                    reader.GetInt32(5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt64(8)));
            }
        }
        await PrivateCluster.StopAsync(home);
        return extracts;
    }
}
