using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Cluster;
using static System.FormattableString;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// Measures the monthly run at county and province scale: for each size, smallest first, it generates a drop
/// folder (<see cref="SampleGenerator"/>, timed apart), runs <see cref="MonthlyRun"/> on a fresh database timing
/// every stage, then runs the same month again with nothing new.
/// </summary>
/// <remarks>
/// Everything runs in this process, so the GC heap of one size is collected (and given back to the system) before
/// the next, and the peak resident set is reset at the start of every stage: each stage's peak is its own.
/// </remarks>
public sealed class BenchRunner(BenchOptions options, RuleSet rules, TimeProvider time, ILogger logger, TextWriter progress)
{
    /// <summary>
    /// Benches on the server of <c>RELIEFMATCH_DB</c>, else on a private cluster in the work folder; without
    /// <see cref="BenchOptions.Keep"/>, removes what it made (a cluster it created included) when done.
    /// </summary>
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken = default)
    {
        options.Validate();
        var work = Path.GetFullPath(options.WorkDirectory);
        var clusterFolder = Path.Combine(work, "postgres");
        var clusterExisted = Directory.Exists(clusterFolder);
        var workExisted = Directory.Exists(work);
        Directory.CreateDirectory(work);

        BenchReport report;
        bool privateCluster;
        await using (var server = await BenchServer.StartAsync(work, logger, cancellationToken).ConfigureAwait(false))
        {
            privateCluster = server.ClusterDataDirectory is not null;
            report = await RunAsync(server, cancellationToken).ConfigureAwait(false);
        }

        if (!options.Keep)
        {
            // Only what this bench made, and never a cluster another process still runs.
            if (privateCluster && !clusterExisted && !await PrivateCluster.IsRunningAsync(work, cancellationToken).ConfigureAwait(false))
            {
                Directory.Delete(clusterFolder, recursive: true);
            }
            if (!workExisted && !Directory.EnumerateFileSystemEntries(work).Any())
            {
                Directory.Delete(work);
            }
        }
        return report;
    }

    /// <summary>Benches on <paramref name="server"/>, which stays open; drop folders and outputs go to the work folder.</summary>
    public async Task<BenchReport> RunAsync(BenchServer server, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var machine = BenchMachine.Current();
        var work = Path.GetFullPath(options.WorkDirectory);
        Directory.CreateDirectory(work);
        progress.WriteLine($"bench on {server.Description}");
        var sizes = new List<SizeMeasurement>();
        foreach (var households in options.Households.Order())
        {
            sizes.Add(await MeasureAsync(server, work, households, cancellationToken).ConfigureAwait(false));
        }
        return BenchReport.From(options, machine, server.Description, sizes);
    }

    private async Task<SizeMeasurement> MeasureAsync(BenchServer server, string work, int households, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, "households-" + households.ToString(CultureInfo.InvariantCulture));
        var inbox = Path.Combine(folder, "inbox");
        var output = Path.Combine(folder, "out");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        progress.WriteLine(Invariant($"{households:N0} households: generating the drop folder{(options.Plain ? " (plain CSV)" : "")} …"));
        var sample = SampleFolder.Write(inbox, new SampleOptions(households, options.Seed, options.Month, options.Plain));
        progress.WriteLine(Invariant($"  {sample.TotalRows:N0} rows, {sample.TotalBytes / 1e6:N1} MB in {sample.Elapsed.TotalSeconds:F1} s (not part of the run)"));

        var databaseOptions = await server.CreateDatabaseAsync(households, cancellationToken).ConfigureAwait(false);
        try
        {
            RunMeasurement first;
            RunMeasurement second;
            await using (var database = await Database.OpenAsync(databaseOptions, logger, cancellationToken).ConfigureAwait(false))
            await using (var sampler = ServerMemorySampler.TryStart(server.ClusterDataDirectory))
            {
                first = await RunAsync("first run", database, inbox, output, sampler, cancellationToken).ConfigureAwait(false);
                second = await RunAsync("second run, nothing new", database, inbox, output, sampler, cancellationToken).ConfigureAwait(false);
            }
            var input = first.Stage("load")?.Rows ?? 0;
            return new SizeMeasurement(households, options.Plain, sample.TotalRows, sample.TotalBytes, sample.Elapsed, input, first, second);
        }
        finally
        {
            if (!options.Keep)
            {
                await server.DropDatabaseAsync(households, CancellationToken.None).ConfigureAwait(false);
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<RunMeasurement> RunAsync(string name, Database database, string inbox, string output, ServerMemorySampler? sampler, CancellationToken cancellationToken)
    {
        ReleaseMemory();
        progress.WriteLine($"  {name}:");
        var stages = new List<StageMeasurement>();
        sampler?.TakePeak();
        ProcessMemory.ResetPeak();
        var run = new MonthlyRun(database.DataSource, rules, Installation.OfSample, time, logger)
        {
            StageCompleted = (stage, elapsed, rows) =>
            {
                var measured = new StageMeasurement(stage, rows, elapsed, ProcessMemory.PeakResidentBytes(), sampler?.TakePeak());
                stages.Add(measured);
                progress.WriteLine(Invariant($"    {stage,-8}{elapsed.TotalSeconds,8:F2} s {rows,14:N0} rows"));
                ProcessMemory.ResetPeak();
            },
        };
        var clock = Stopwatch.StartNew();
        var result = await run.ExecuteAsync(new MonthlyRunRequest(options.Month, inbox, output), null, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        progress.WriteLine(Invariant($"    {"whole",-8}{clock.Elapsed.TotalSeconds,8:F2} s {result.Findings.Count,14:N0} findings"));
        return new RunMeasurement(clock.Elapsed, stages, result.Findings.Count);
    }

    /// <summary>
    /// Collects everything the last run left and returns the freed memory to the system, so that one run's garbage
    /// neither inflates the next one's resident set nor costs it a collection.
    /// </summary>
    private static void ReleaseMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
