using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Findings;
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
/// every stage, then runs the same month again with nothing new; as many times as there are alternations, each on a
/// fresh database of the cluster already created. Given a peer (<see cref="IBenchPeer"/>), the peer runs on the same
/// drop folder after each alternation, and the findings of both are compared.
/// </summary>
/// <remarks>
/// Everything runs in this process, so the GC heap of one size is collected (and given back to the system) before
/// the next, and the peak resident set is reset at the start of every stage: each stage's peak is its own.
/// </remarks>
public sealed class BenchRunner(
    BenchOptions options, RuleSet rules, TimeProvider time, ILogger logger, TextWriter progress, IBenchPeer? peer = null)
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
        var creation = peer is null ? (TimeSpan?)null : await MeasureClusterCreationAsync(work, cancellationToken).ConfigureAwait(false);
        var sizes = new List<SizeMeasurement>();
        foreach (var households in options.Households.Order())
        {
            sizes.Add(await MeasureAsync(server, work, households, cancellationToken).ConfigureAwait(false));
        }
        return BenchReport.From(options, machine, server.Description, sizes, creation);
    }

    /// <summary>
    /// What a run on a fresh home pays before its first stage, which the runs compared with a peer do not: creating
    /// a private cluster (initdb, configuration, roles) and starting it. Measured on a throwaway home, stopped and removed.
    /// </summary>
    private async Task<TimeSpan> MeasureClusterCreationAsync(string work, CancellationToken cancellationToken)
    {
        var home = Path.Combine(work, "cluster-creation");
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }
        progress.WriteLine("creating a private cluster on a fresh home, to say what creation costs on its own …");
        var clock = Stopwatch.StartNew();
        await using (await PrivateCluster.StartAsync(home, logger, cancellationToken).ConfigureAwait(false))
        {
            clock.Stop();
        }
        Directory.Delete(home, recursive: true);
        progress.WriteLine(Invariant($"  created and started in {clock.Elapsed.TotalSeconds:F2} s (not part of any run)"));
        return clock.Elapsed;
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

        progress.WriteLine(Invariant($"{households:N0} households: generating the drop folder{(options.Plain ? " (plain CSV)" : "")}{(options.OriginalSourcesOnly ? " (the six original sources)" : "")} …"));
        var sample = SampleFolder.Write(inbox, new SampleOptions(households, options.Seed, options.Month, options.Plain, OriginalSourcesOnly: options.OriginalSourcesOnly));
        progress.WriteLine(Invariant($"  {sample.TotalRows:N0} rows, {sample.TotalBytes / 1e6:N1} MB in {sample.Elapsed.TotalSeconds:F1} s (not part of the run)"));

        try
        {
            var alternations = new List<BenchAlternation>();
            var peerSeconds = new List<double>();
            var databaseSeconds = new List<double>();
            IReadOnlyList<PeerAgreement> agreement = [];
            var count = options.AlternationsWith(peer is not null);
            for (var a = 0; a < count; a++)
            {
                var clock = Stopwatch.StartNew();
                var databaseOptions = await server.CreateDatabaseAsync(households, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<Finding> findings;
                await using (var database = await Database.OpenAsync(databaseOptions, logger, cancellationToken).ConfigureAwait(false))
                {
                    clock.Stop();
                    databaseSeconds.Add(clock.Elapsed.TotalSeconds);
                    await using var sampler = ServerMemorySampler.TryStart(server.ClusterDataDirectory);
                    var name = count == 1 ? "first run" : Invariant($"first run {a + 1} of {count} (fresh database, {clock.Elapsed.TotalSeconds:F2} s to create and migrate)");
                    (var first, findings) = await RunAsync(name, database, inbox, output, sampler, cancellationToken).ConfigureAwait(false);
                    var second = (await RunAsync("second run, nothing new", database, inbox, output, sampler, cancellationToken).ConfigureAwait(false)).Measurement;
                    alternations.Add(new BenchAlternation(first, second, first.Stage("load")?.Rows ?? 0));
                }
                if (peer is not null)
                {
                    // With the database closed and the sampler stopped: the peer has the machine as the run had it.
                    var peerRun = await RunPeerAsync(peer, inbox, cancellationToken).ConfigureAwait(false);
                    peerSeconds.Add(peerRun.Elapsed.TotalSeconds);
                    if (a == 0)
                    {
                        agreement = PeerAgreement.Compare(rules, peer.Kinds, findings, peerRun.Findings);
                    }
                }
            }
            // The stage table shows the alternation of median wall time.
            var shown = alternations.OrderBy(f => f.First.Seconds).ElementAt(alternations.Count / 2);
            return new SizeMeasurement(households, options.Plain, sample.TotalRows, sample.TotalBytes, sample.Elapsed, shown.InputRecords, shown.First, shown.Second)
            {
                Alternations = alternations,
                Peer = peer is null ? null : new PeerMeasurement(peer.Name, alternations.Select(f => f.First.Seconds).ToList(), peerSeconds, databaseSeconds, agreement),
            };
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

    private async Task<(TimeSpan Elapsed, IReadOnlyList<PeerFinding> Findings)> RunPeerAsync(IBenchPeer benchPeer, string inbox, CancellationToken cancellationToken)
    {
        ReleaseMemory();
        progress.WriteLine($"  {benchPeer.Name} on the same files:");
        var clock = Stopwatch.StartNew();
        var findings = await benchPeer.RunAsync(new PeerRequest(inbox, options.Month, rules, Installation.OfSample.HomeCountyCode), cancellationToken).ConfigureAwait(false);
        clock.Stop();
        progress.WriteLine(Invariant($"    {"whole",-8}{clock.Elapsed.TotalSeconds,8:F2} s {findings.Count,14:N0} findings"));
        return (clock.Elapsed, findings);
    }

    private async Task<(RunMeasurement Measurement, IReadOnlyList<Finding> Findings)> RunAsync(
        string name, Database database, string inbox, string output, ServerMemorySampler? sampler, CancellationToken cancellationToken)
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
        return (new RunMeasurement(clock.Elapsed, stages, result.Findings.Count), result.Findings.Select(f => f.Finding).ToList());
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
