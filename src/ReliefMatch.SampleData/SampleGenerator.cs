using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Sources;

namespace ReliefMatch.SampleData;

/// <summary>
/// Writes a drop folder of departmental extracts for a synthetic county (永福县 450326 and its neighbour 临桂区
/// 450312) as docs/sources.md describes them: <c>roster/</c>, <c>police-deaths/</c>, <c>health-deaths/</c>,
/// <c>disability/</c>, <c>medical/</c>, <c>monitoring/</c>, and the plan's other sources (<c>payments/</c>, <c>hukou/</c>,
/// <c>staff/</c>, … one folder for each shipped declaration), with cases planted for every rule and a near miss beside each.
/// </summary>
/// <remarks>
/// Deterministic: the same options give the same bytes, whatever the parallelism (no clock, no GUIDs, no
/// hash-order iteration, integer-only randomness, invariant formatting, fixed times inside XLSX packages).
/// The county is built first; then the sources are written at once, each from its own random streams.
/// The per-row paths are marked <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>:
/// a run lasts seconds, and tiered compilation would spend a good part of them in unoptimised code.
/// </remarks>
public static class SampleGenerator
{
    /// <summary>The note written at the top of the folder; its presence marks the folder as a sample's.</summary>
    public const string ReadmeName = "SAMPLE-README.txt";

    /// <summary>The six-digit code of the county the sample is of (its neighbour's roster is dropped beside it).</summary>
    public static string HomeCountyCode => Places.Gazetteer.Home.Code;

    /// <summary>The name of the county the sample is of, e.g. 永福县.</summary>
    public static string HomeCountyName => Places.Gazetteer.Home.Name;

    /// <summary>The home county's townships, in the gazetteer's order.</summary>
    public static IReadOnlyList<string> HomeTownships { get; } = Places.Gazetteer.Villages
        .Where(v => v.Township.County == Places.Gazetteer.Home).Select(v => v.Township.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Generates into <paramref name="outDir"/> (created if needed).</summary>
    /// <exception cref="InvalidOperationException">
    /// The folder already holds extracts that a sample did not write: they are left alone.
    /// </exception>
    public static SampleSummary Write(string outDir, SampleOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        outDir = Path.GetFullPath(outDir);
        PrepareFolder(outDir);

        var population = SamplePopulation.Build(options);
        // The plan's other sources come after the county and from streams of their own: the six older sources' bytes stay.
        var plan = Plan.PlanCounty.Build(population);
        SourceWriter[] original =
        [
            new RosterWriter(population, outDir),
            new PoliceDeathsWriter(population, outDir),
            new HealthDeathsWriter(population, outDir),
            new DisabilityWriter(population, outDir),
            new MonitoringWriter(population, outDir),
            new MedicalWriter(population, outDir, inpatient: true),
            new MedicalWriter(population, outDir, inpatient: false),
        ];
        SourceWriter[] writers = options.OriginalSourcesOnly ? original :
        [
            .. original,
            new PaymentsWriter(population, plan, outDir),
            new HukouWriter(population, plan, outDir),
            new StaffWriter(population, plan, outDir),
            new KinFilingsWriter(population, plan, outDir),
            new VehiclesWriter(population, plan, outDir),
            new PropertyWriter(population, plan, outDir),
            new BusinessWriter(population, plan, outDir),
            new IncomeWriter(population, plan, outDir),
            new StudentsWriter(population, plan, outDir),
            new HousingAidWriter(population, plan, outDir),
            new RelocationWriter(population, plan, outDir),
            new PovertyExitWriter(population, plan, outDir),
            new TemporaryAidWriter(population, plan, outDir),
            new ApplicationsWriter(population, plan, outDir),
        ];
        // Biggest first, handed out one at a time, so the long medical file does not wait behind the others.
        var ordered = writers.OrderByDescending(w => w.ExpectedRows).ToArray();
        var parallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        try
        {
            Parallel.ForEach(
                Partitioner.Create(ordered, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                writer => writer.Write());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var files = writers.SelectMany(w => w.Files).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var planted = new SortedDictionary<string, int>(population.Planted.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        // Without the plan's sources, none of their plants is in the folder.
        foreach (var (name, count) in options.OriginalSourcesOnly ? new Dictionary<string, int>() : plan.Planted)
        {
            planted[name] = count;
        }
        File.WriteAllText(Path.Combine(outDir, ReadmeName), Readme(options, files, planted, options.OriginalSourcesOnly ? [] : plan.Notes), new UTF8Encoding(false));
        return new SampleSummary(options, files, planted, stopwatch.Elapsed);
    }

    /// <summary>
    /// A folder written by an earlier sample (it has the note) is cleared of its extracts, so a plain run after a
    /// messy one leaves no stale files; extracts in any other folder are never touched.
    /// </summary>
    private static void PrepareFolder(string outDir)
    {
        Directory.CreateDirectory(outDir);
        var existing = Core.Sources.SourceCatalog.Shipped.Sources
            .Select(source => Path.Combine(outDir, source.Id))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder))
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (existing.Count == 0)
        {
            return;
        }
        if (!File.Exists(Path.Combine(outDir, ReadmeName)))
        {
            throw new InvalidOperationException(
                $"{outDir} already holds extracts ({Path.GetRelativePath(outDir, existing[0])} and {existing.Count - 1} more) that no sample wrote; " +
                "choose an empty folder.");
        }
        foreach (var file in existing)
        {
            File.Delete(file);
        }
    }

    private static string Readme(SampleOptions options, IReadOnlyList<SampleFile> files, IReadOnlyDictionary<string, int> planted, IReadOnlyList<Plan.PlantNote> notes)
    {
        var text = new StringBuilder();
        text.Append("ReliefMatch sample drop folder: synthetic extracts of a made-up population. No real person.\n");
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"reliefmatch sample --households {options.Households} --seed {options.Seed} --period {options.Month}{(options.Plain ? " --plain" : "")}\n\n");
        text.Append("Files (data rows):\n");
        foreach (var file in files)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {file.Path}  [{file.Format}]  {file.Rows}\n");
        }
        text.Append("\nPlanted cases:\n");
        foreach (var (name, count) in planted)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {count,6}  {name}\n");
        }
        text.Append("\nThe plan's other checks, case by case (IDs masked; \"no flag\": the near miss the rule must leave alone):\n");
        foreach (var rule in notes.Select(n => n.Rule).Distinct(StringComparer.Ordinal))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {rule}\n");
            foreach (var note in notes.Where(n => n.Rule == rule))
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    {(note.Flags ? "flag   " : "no flag")}  {note.Case}: {note.Who}\n");
            }
        }
        return text.ToString();
    }
}
