using System.Text.Json;
using ReliefMatch.Host.Bench;
using Spectre.Console;

namespace ReliefMatch.Tests.Host.Bench;

public sealed class BenchReportTests
{
    private static readonly BenchMachine Machine = new(2, 24L << 30, "Linux", ".NET", 1.0);

    [Fact]
    public void From_TenfoldSizes_ScalingIsTheRatioOfWholeRunTimes()
    {
        var report = Report(Size(100_000, records: 1_600_000, runSeconds: 10, matchSeconds: 1, secondSeconds: 0.5),
                            Size(1_000_000, records: 16_000_000, runSeconds: 105, matchSeconds: 1.2, secondSeconds: 5));

        var step = Assert.Single(report.Scaling);
        Assert.True(step.IsTenfold);
        Assert.Equal(10.0, step.DataRatio, 6);
        Assert.Equal(10.5, step.TimeRatio, 6);
        Assert.Equal(1.2, step.StageRatios.Single(s => s.Stage == "match").Ratio, 6);
    }

    [Fact]
    public void From_ProvinceSize_ReadsEveryTargetAtTheLargestSize()
    {
        var report = Report(Size(100_000, records: 1_600_000, runSeconds: 10, matchSeconds: 1, secondSeconds: 0.5),
                            Size(1_000_000, records: 16_000_000, runSeconds: 120, matchSeconds: 1.2, secondSeconds: 6, peakBytes: 7L << 30));

        var met = report.Targets.ToDictionary(t => t.Name, t => t.Met);
        Assert.False(met["whole run (wall)"]);              // 120 s > 30 s
        Assert.False(met["peak memory (this process)"]);    // 7 GiB > 4 GiB
        Assert.Null(met["peak memory (PostgreSQL server)"]); // not sampled
        Assert.True(met["matching throughput"]);            // 16 M / 1.2 s ≈ 13 M records/s
        Assert.False(met["10× data → time"]);               // 12×
        Assert.True(met["second run, nothing new"]);        // 5 %
        Assert.Equal(1_000_000, report.Largest.Households);
    }

    [Fact]
    public void From_NoSizeATenthOfTheLargest_TenfoldTargetIsNotMeasured()
    {
        var report = Report(Size(30_000, 480_000, 4, 0.2, 1), Size(1_000_000, 16_000_000, 50, 1, 4));

        Assert.False(Assert.Single(report.Scaling).IsTenfold);
        Assert.Null(report.Targets.Single(t => t.Name == "10× data → time").Met);
    }

    [Fact]
    public void Write_Report_SavesSecondsRowsAndTargetsAsJson()
    {
        var report = Report(Size(10_000, 160_000, 2, 0.1, 0.2), Size(100_000, 1_600_000, 12, 0.8, 1.5));
        using var stream = new MemoryStream();

        BenchJsonWriter.Write(stream, report);

        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal(2, root.GetProperty("machine").GetProperty("processors").GetInt32());
        var sizes = root.GetProperty("sizes");
        Assert.Equal(2, sizes.GetArrayLength());
        var large = sizes[1];
        Assert.Equal(100_000, large.GetProperty("households").GetInt32());
        Assert.Equal(12.0, large.GetProperty("first_run").GetProperty("seconds").GetDouble(), 6);
        Assert.Equal(12.5, large.GetProperty("second_run_percent_of_first").GetDouble(), 6);
        Assert.Equal(2_000_000, large.GetProperty("match_records_per_second").GetDouble(), 3);
        var stages = large.GetProperty("first_run").GetProperty("stages");
        Assert.Equal(["import", "load", "match", "save", "outputs"], stages.EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.True(root.GetProperty("scaling")[0].GetProperty("tenfold").GetBoolean());
        Assert.Equal(6, root.GetProperty("targets").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void From_ThreeAlternations_TargetsJudgeTheMedianAndShowTheSpread()
    {
        // Whole runs of 28, 35 and 29 s: the median (29 s) meets the 30 s target although one run missed it.
        var runs = new[] { Size(1_000_000, 16_000_000, 28, 1.0, 1.3), Size(1_000_000, 16_000_000, 35, 2.0, 2.1), Size(1_000_000, 16_000_000, 29, 1.6, 1.2) };
        var province = runs[2] with { Alternations = runs.Select(r => new BenchAlternation(r.First, r.Second, r.InputRecords)).ToList() };

        var targets = Report(province).Targets.ToDictionary(t => t.Name);

        Assert.True(targets["whole run (wall)"].Met);
        Assert.Equal("29.0 s (median of 3, 28.0–35.0 s)", targets["whole run (wall)"].Measured);
        Assert.Equal("10.00 M records/s (median of 3, 8.00–16.00 M records/s)", targets["matching throughput"].Measured);
        Assert.True(targets["matching throughput"].Met);
        Assert.Equal("4.6% (median of 3, 4.1–6.0%); 1.3 s (median of 3, 1.2–2.1 s)", targets["second run, nothing new"].Measured);
        Assert.True(targets["second run, nothing new"].Met);
        Assert.Equal("1.00 GiB (highest of 3)", targets["peak memory (this process)"].Measured);
    }

    [Fact]
    public void Print_CountyBesideAPeerAndAProvince_PrintsTheProvinceTargetsAndEachAlternationsFigures()
    {
        var county = Size(200_000, 3_200_000, 20, 0.5, 0.8) with
        {
            Peer = new PeerMeasurement("duckdb", [20, 24, 22], [10, 9, 11], [0.5, 0.4, 0.6], []),
        };
        var runs = new[] { Size(1_000_000, 16_000_000, 31, 2.0, 1.4), Size(1_000_000, 16_000_000, 29, 2.5, 1.2) };
        var province = runs[1] with { Alternations = runs.Select(r => new BenchAlternation(r.First, r.Second, r.InputRecords)).ToList() };
        var printed = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(printed), ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;

        BenchReportPrinter.Print(console, Report(county, province));

        var text = printed.ToString();
        Assert.Contains("province targets at 1,000,000 households", text, StringComparison.Ordinal);
        Assert.Contains("1,000,000 households: 2 alternations", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.Contains("whole first run (s)", StringComparison.Ordinal) && l.Contains("31.00", StringComparison.Ordinal)
                                   && l.Contains("30.00", StringComparison.Ordinal) && l.Contains("29.00–31.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("whole run (wall)", StringComparison.Ordinal) && l.Contains("≤ 30 s", StringComparison.Ordinal)
                                   && l.Contains("30.0 s (median of 2, 29.0–31.0 s)", StringComparison.Ordinal) && l.Contains("PASS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("matching throughput", StringComparison.Ordinal) && l.Contains("MISS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("second run, nothing new", StringComparison.Ordinal) && l.Contains("≤ 5% of first", StringComparison.Ordinal));
        // The peer ratio is read at the county that ran beside it: 22 s ÷ 10 s.
        Assert.Contains(lines, l => l.Contains("whole run ÷ duckdb (200,000 households)", StringComparison.Ordinal)
                                   && l.Contains("2.20×", StringComparison.Ordinal) && l.Contains("per alternation 2.00–2.67×", StringComparison.Ordinal) && l.Contains("MISS", StringComparison.Ordinal));
    }

    private static BenchReport Report(params SizeMeasurement[] sizes) =>
        BenchReport.From(new BenchOptions(sizes.Select(s => s.Households).ToArray(), "work"), Machine, "test", sizes);

    /// <summary>A size whose run splits its time evenly over import, load, save and outputs around the given match time.</summary>
    private static SizeMeasurement Size(int households, long records, double runSeconds, double matchSeconds, double secondSeconds, long peakBytes = 1L << 30)
    {
        var rest = (runSeconds - matchSeconds) / 4;
        StageMeasurement Stage(string name, long rows, double seconds) => new(name, rows, TimeSpan.FromSeconds(seconds), peakBytes, null);
        var first = new RunMeasurement(TimeSpan.FromSeconds(runSeconds),
            [Stage("import", records, rest), Stage("load", records, rest), Stage("match", records, matchSeconds), Stage("save", 100, rest), Stage("outputs", 100, rest)], 100);
        var second = new RunMeasurement(TimeSpan.FromSeconds(secondSeconds),
            [Stage("import", 0, secondSeconds / 5), Stage("load", records, secondSeconds / 5), Stage("match", records, secondSeconds / 5), Stage("save", 100, secondSeconds / 5), Stage("outputs", 100, secondSeconds / 5)], 100);
        return new SizeMeasurement(households, true, records, records * 120, TimeSpan.FromSeconds(1), records, first, second);
    }
}
