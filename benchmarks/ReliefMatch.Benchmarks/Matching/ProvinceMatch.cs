using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;
using ReliefMatch.Core.Rules;
using ReliefMatch.Readers;
using ReliefMatch.SampleData;

namespace ReliefMatch.Benchmarks.Matching;

/// <summary>
/// The match stage at county or province scale without PostgreSQL: the sample generator's six original sources
/// (plain CSV, kept in a work folder between invocations) are read into an <see cref="ExtractSet"/> as the month's
/// load leaves it — every roster and monitoring record, and the departmental records whose ID is invalid or held by
/// a person of the roster set or the monitoring snapshot — and <see cref="FindingEngine.Evaluate"/> is timed on it
/// several times in one process, then each shared part of the month on its own.
/// </summary>
/// <remarks>
/// The first evaluation is the one the program's run pays: it runs once per process, right after the load, with the
/// heap full of what was just read. The set differs from a loaded one in what the database adds (texts pooled per
/// load, identical history records dropped), not in the records the rules see.
/// <code>
/// dotnet run -c Release --project benchmarks/ReliefMatch.Benchmarks -- match --households 1000000 --repeat 5
/// </code>
/// </remarks>
internal static class ProvinceMatch
{
    private static readonly ReportingMonth Period = SampleOptions.DefaultPeriod;

    public static int Run(string[] args)
    {
        var households = 200_000;
        var repeat = 5;
        var work = Path.Combine(Path.GetTempPath(), "reliefmatch-match-bench");
        var gc = "none";
        var phases = true;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--households": households = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--work": work = args[++i]; break;
                case "--gc": gc = args[++i]; break;
                case "--no-phases": phases = false; break;
                default:
                    Console.Error.WriteLine($"match: unknown option {args[i]} (--households N --repeat R --work DIR --gc none|collect|low-latency --no-phases)");
                    return 2;
            }
        }
        var folder = Path.Combine(work, $"households-{households}");
        if (!File.Exists(Path.Combine(folder, SampleGenerator.ReadmeName)))
        {
            var generating = Stopwatch.StartNew();
            SampleGenerator.Write(folder, new SampleOptions(households, Plain: true, OriginalSourcesOnly: true));
            Console.WriteLine($"sample: {households:N0} households written to {folder} in {generating.Elapsed.TotalSeconds:F1} s");
        }
        var county = new HomeCounty(SampleGenerator.HomeCountyCode, SampleGenerator.HomeCountyName);
        var rulesFolder = Path.Combine(AppContext.BaseDirectory, "rules");
        var rules = RuleSet.Load(Directory.EnumerateFiles(rulesFolder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFileName(path), File.ReadAllText(path))));

        var reading = Stopwatch.StartNew();
        var data = Read(folder, county);
        var records = (long)data.Roster.Count + data.Deaths.Count + data.Disability.Count + data.Medical.Count + data.Monitoring.Count;
        Console.WriteLine($"read: {records:N0} records (roster {data.Roster.Count:N0}, monitoring {data.Monitoring.Count:N0}, deaths {data.Deaths.Count:N0}, " +
            $"disability {data.Disability.Count:N0}, medical {data.Medical.Count:N0}) in {reading.Elapsed.TotalSeconds:F1} s; " +
            $"GC {GCSettings.IsServerGC switch { true => "server", false => "workstation" }}, heap {GC.GetTotalMemory(false) / (1 << 20):N0} MiB");

        var seconds = new List<double>();
        var findings = 0;
        for (var r = 0; r < repeat; r++)
        {
            var t = Timed(gc, () => FindingEngine.Evaluate(data, Period, rules, county).Count);
            findings = t.Result;
            seconds.Add(t.Seconds);
            Console.WriteLine($"evaluate {r + 1}: {t.Seconds:F3} s ({t.CpuSeconds:F2} cpu-s), {records / t.Seconds / 1e6:F2} M records/s, {t.Result:N0} findings; " +
                $"allocated {t.AllocatedMiB:N0} MiB, collections {t.Gen0}/{t.Gen1}/{t.Gen2} paused {t.PauseSeconds:F3} s{(t.NoGcRegionHeld ? ", no-GC region held" : "")}");
        }
        var sorted = seconds.Order().ToList();
        var median = sorted[sorted.Count / 2];
        Console.WriteLine($"evaluate: first {seconds[0]:F3} s ({records / seconds[0] / 1e6:F2} M/s); median {median:F3} s ({records / median / 1e6:F2} M/s), " +
            $"range {sorted[0]:F3}–{sorted[^1]:F3} s; {findings:N0} findings");
        if (phases)
        {
            Phases(data, rules, county);
        }
        return 0;
    }

    /// <summary>Each shared part of the month prepared on its own, then each rule run alone on the whole month.</summary>
    private static void Phases(ExtractSet data, RuleSet rules, HomeCounty county)
    {
        var skipped = FindingEngine.Skipped(data, rules).Select(s => s.RuleId).ToHashSet(StringComparer.Ordinal);
        var enabled = rules.Enabled.Where(r => !skipped.Contains(r.Id)).ToList();
        var needs = enabled.Select(RuleChecks.Needs).ToList();
        var window = needs.Max(n => n.MedicalWindowMonths);
        // The least processor time of three (each after a full collection): the machine may be shared, and a part
        // runs on both cores, so processor seconds say more than wall seconds here.
        double Best(Func<int> body)
        {
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
                best = Math.Min(best, Timed("none", body).CpuSeconds);
            }
            return best;
        }
        var index = Best(() => PersonIndex.Build(data.Roster, data.Monitoring).Count);
        Console.WriteLine($"  person index          {index:F3} cpu-s");
        var baseline = Best(() => MonthEvaluation.Prepare(data, Period, county, []).Households.Count);
        Console.WriteLine($"  month, no parts       {baseline:F3} cpu-s (index, flags, monitoring, households)");
        foreach (var (name, part) in new[]
        {
            ("deaths", MonthParts.DeathMatches), ("disability", MonthParts.DisabilityMatches),
            ("medical", MonthParts.MedicalSettlements | MonthParts.MedicalMismatches),
        })
        {
            var alone = Best(() => MonthEvaluation.Prepare(data, Period, county, [new RuleNeeds { Parts = part, MedicalWindowMonths = window }]).Households.Count);
            Console.WriteLine($"  + {name,-19} {alone - baseline:F3} cpu-s");
        }
        var month = MonthEvaluation.Prepare(data, Period, county, needs);
        foreach (var rule in enabled)
        {
            var alone = Best(() =>
            {
                var findings = new List<Finding>();
                RuleChecks.Run(month, rule, findings);
                return findings.Count;
            });
            Console.WriteLine($"  rule {rule.Id,-34} {alone:F3} cpu-s");
        }
    }

    /// <summary>One timed call: wall and processor seconds, what it allocated, its collections and the time they paused it.</summary>
    private readonly record struct Timing(double Seconds, double CpuSeconds, int Result, long AllocatedMiB, int Gen0, int Gen1, int Gen2, double PauseSeconds, bool NoGcRegionHeld);

    /// <param name="gc">
    /// What is done about the collector with the call, timed with it: <c>none</c>; <c>collect</c>, a full blocking collection first;
    /// <c>low-latency</c>, <see cref="GCLatencyMode.SustainedLowLatency"/> during the call; <c>no-gc-MiB</c>, a region of
    /// that many MiB without collections (<see cref="GC.TryStartNoGCRegion(long)"/>) around the call; <c>no-gc-soft-MiB</c>, the
    /// same region only if it can begin without a full blocking collection.
    /// </param>
    private static Timing Timed(string gc, Func<int> body)
    {
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // What is done about the collector is part of the time: a region without collections may need one to begin.
        var stopwatch = Stopwatch.StartNew();
        var noGc = false;
        if (gc == "collect")
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
        else if (gc == "low-latency")
        {
            GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        }
        else if (gc.StartsWith("no-gc-soft-", StringComparison.Ordinal))
        {
            noGc = GC.TryStartNoGCRegion(long.Parse(gc["no-gc-soft-".Length..], CultureInfo.InvariantCulture) << 20, disallowFullBlockingGC: true);
        }
        else if (gc.StartsWith("no-gc-", StringComparison.Ordinal))
        {
            noGc = GC.TryStartNoGCRegion(long.Parse(gc["no-gc-".Length..], CultureInfo.InvariantCulture) << 20);
        }
        var result = body();
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var held = noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;
        if (held)
        {
            GC.EndNoGCRegion();
        }
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        return new Timing(elapsed, cpuSeconds, result, (GC.GetTotalAllocatedBytes(precise: false) - allocated) >> 20,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, (GC.GetTotalPauseDuration() - pause).TotalSeconds, held);
    }

    /// <summary>The six sources' files, two at a time, with the load's filter on the departmental records.</summary>
    private static ExtractSet Read(string folder, HomeCounty county)
    {
        var options = new ExtractReaderOptions { HomeCountyCode = county.Code, HomeCountyName = county.Name };
        var files = SourceKinds.All
            .SelectMany(kind => Directory.EnumerateFiles(Path.Combine(folder, kind.Id()), "*.csv").Order(StringComparer.Ordinal).Select(path => (kind, path)))
            .Select((file, i) => (Id: (long)i + 1, file.kind, file.path))
            .ToList();
        var read = new List<ExtractRecord>[files.Count];
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            using var reading = ExtractReader.Open(file.path, file.kind, options);
            var list = new List<ExtractRecord>();
            foreach (var record in reading.Records())
            {
                list.Add(record with { ExtractId = file.Id });
            }
            read[(int)file.Id - 1] = list;
        });
        IEnumerable<T> Of<T>(params SourceKind[] kinds) => files.Where(f => kinds.Contains(f.kind)).SelectMany(f => read[(int)f.Id - 1]).Cast<T>();
        var roster = Of<RosterRecord>(SourceKind.Roster).ToList();
        var monitoring = Of<MonitoringRecord>(SourceKind.Monitoring).ToList();
        var persons = new HashSet<long>(roster.Where(r => r.Id.IsValid).Select(r => r.Id.Key)
            .Concat(monitoring.Where(r => r.Id.IsValid).Select(r => r.Id.Key)));
        bool Known(ExtractRecord record) => !record.Id.IsValid || persons.Contains(record.Id.Key);
        var set = new ExtractSet
        {
            Roster = roster,
            Monitoring = monitoring,
            Deaths = Of<DeathRecord>(SourceKind.PoliceDeaths, SourceKind.HealthDeaths).Where(Known).ToList(),
            Disability = Of<DisabilityRecord>(SourceKind.Disability).Where(Known).ToList(),
            Medical = Of<MedicalRecord>(SourceKind.Medical).Where(Known).ToList(),
            Extracts = files.ToDictionary(f => f.Id, f => new ExtractInfo(f.Id, f.kind, $"{f.kind.Id()}/{Path.GetFileName(f.path)}", new string('0', 64), Period.ToString())),
        };
        Array.Clear(read);
        return set;
    }
}
