using System.Globalization;
using Spectre.Console;
using static System.FormattableString;

namespace ReliefMatch.Host.Bench;

/// <summary>The bench's figures as tables: one per size (stage split), the scaling between sizes and the targets.</summary>
public static class BenchReportPrinter
{
    public static void Print(IAnsiConsole console, BenchReport report)
    {
        var m = report.Machine;
        console.MarkupLine(Markup.Escape(Invariant(
            $"machine: {m.Processors} cores, {BenchTarget.Gib(m.MemoryBytes)}, {m.OperatingSystem}, {m.Runtime}{(m.LoadAverage is { } load ? $", load average {load:F2} at start" : "")}")));
        console.MarkupLine(Markup.Escape($"database: {report.Server}"));
        foreach (var size in report.Sizes)
        {
            console.Write(SizeTable(size));
            if (size.Alternations.Count > 1)
            {
                console.Write(AlternationTable(size));
            }
            if (size.Peer is { } peer)
            {
                console.Write(PeerTable(size, peer, report.ClusterCreation));
                console.Write(AgreementTable(peer));
            }
        }
        if (report.Scaling.Count > 0)
        {
            console.Write(ScalingTable(report.Scaling));
        }
        console.Write(TargetTable(report));
        console.MarkupLine("[grey]peak RSS: this process's peak resident set during the stage (VmHWM, reset as each stage starts). " +
                           "PostgreSQL runs in processes of its own: its column is the private server's sampled peak PSS " +
                           "(shared buffers counted once), n/a on a server named by RELIEFMATCH_DB.[/]");
    }

    private static Table SizeTable(SizeMeasurement size)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Invariant(
            $"{size.Households:N0} households{(size.Plain ? " (plain CSV)" : "")}: {size.GeneratedRows:N0} rows, {size.GeneratedBytes / 1e6:N0} MB, generated in {size.Generation.TotalSeconds:F1} s (not in the run)")));
        table.AddColumn("stage").AddColumn(Right("rows")).AddColumn(Right("seconds")).AddColumn(Right("share")).AddColumn(Right("rows/s"))
            .AddColumn(Right("peak RSS")).AddColumn(Right("PostgreSQL"));
        foreach (var stage in size.First.Stages)
        {
            table.AddRow(
                stage.Stage,
                N(stage.Rows),
                S(stage.Seconds),
                Invariant($"{100 * stage.Seconds / size.First.Seconds:F0}%"),
                N(stage.RowsPerSecond),
                Bytes(stage.PeakResidentBytes),
                Bytes(stage.ServerPeakBytes));
        }
        table.AddRow(
            "[bold]first run (wall)[/]",
            N(size.InputRecords),
            "[bold]" + S(size.First.Seconds) + "[/]",
            "100%",
            N(size.First.Seconds > 0 ? size.InputRecords / size.First.Seconds : 0),
            Bytes(size.First.PeakResidentBytes),
            Bytes(size.First.ServerPeakBytes));
        table.AddRow(
            "second run, nothing new",
            N(size.Second.Stage("import")?.Rows ?? 0),
            S(size.Second.Seconds),
            Invariant($"{size.SecondRunPercent:F1}%"),
            "",
            Bytes(size.Second.PeakResidentBytes),
            Bytes(size.Second.ServerPeakBytes));
        table.Caption(Markup.Escape(Invariant(
            $"match: {size.MatchRecordsPerSecond / 1e6:F2} M input records/s; {size.First.Findings:N0} findings; second run: ") +
            string.Join("  ", size.Second.Stages.Select(s => Invariant($"{s.Stage} {s.Seconds:F2}s")))));
        return table;
    }

    /// <summary>The figures the targets read, per alternation, with their median and spread (lowest–highest).</summary>
    private static Table AlternationTable(SizeMeasurement size)
    {
        var runs = size.Alternations;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Invariant(
            $"{size.Households:N0} households: {runs.Count} alternations, each a first run on a fresh database and the run again with nothing new")));
        table.AddColumn("");
        for (var i = 0; i < runs.Count; i++)
        {
            table.AddColumn(Right(Invariant($"#{i + 1}")));
        }
        table.AddColumn(Right("median")).AddColumn(Right("spread (min–max)"));
        void Figure(string label, Func<BenchAlternation, double> figure, Func<double, string> format)
        {
            var spread = size.Spread(figure);
            table.AddRow([label, .. runs.Select(a => format(figure(a))), "[bold]" + format(spread.Median) + "[/]", format(spread.Min) + "–" + format(spread.Max)]);
        }
        Figure("whole first run (s)", a => a.First.Seconds, S);
        foreach (var stage in size.First.Stages.Select(s => s.Stage))
        {
            Figure(Markup.Escape(stage) + " (s)", a => a.First.Stage(stage)?.Seconds ?? double.NaN, S);
        }
        Figure("second run, nothing new (% of first)", a => a.SecondRunPercent, v => v.ToString("F1", CultureInfo.InvariantCulture));
        Figure("matching (M input records/s)", a => a.MatchRecordsPerSecond / 1e6, R);
        Figure("peak RSS (GiB)", a => a.PeakResidentBytes / (double)(1L << 30) ?? double.NaN, R);
        Figure("PostgreSQL peak (GiB)", a => a.ServerPeakBytes / (double)(1L << 30) ?? double.NaN, R);
        return table;
    }

    private static Table PeerTable(SizeMeasurement size, PeerMeasurement peer, TimeSpan? clusterCreation)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Invariant(
            $"{size.Households:N0} households: the whole first run beside {peer.Peer} on the same files, alternately ({peer.RunSeconds.Count} each)")));
        table.AddColumn("");
        for (var i = 0; i < peer.RunSeconds.Count; i++)
        {
            table.AddColumn(Right(Invariant($"#{i + 1}")));
        }
        table.AddColumn(Right("median"));
        table.AddRow([.. Cells("whole run (s)", peer.RunSeconds, S), "[bold]" + S(peer.MedianRunSeconds) + "[/]"]);
        table.AddRow([.. Cells(Markup.Escape(peer.Peer) + " (s)", peer.PeerSeconds, S), "[bold]" + S(peer.MedianPeerSeconds) + "[/]"]);
        table.AddRow([.. Cells("ratio", peer.Ratios, r => R(r) + "×"), "[bold]" + R(peer.Ratio) + "×[/]"]);
        table.AddRow([.. Cells("fresh database + migrations (s, not in the run)", peer.DatabaseSeconds, S), S(PeerMeasurement.Median(peer.DatabaseSeconds))]);
        table.Caption(Markup.Escape(Invariant(
            $"target ≤ {PeerMeasurement.RatioLimit:F1}× (medians). The runs use a cluster already created; ") +
            (clusterCreation is { } c ? Invariant($"creating and starting one on a fresh home took {c.TotalSeconds:F2} s on its own.") : "its creation was not measured.")));
        return table;
    }

    private static string[] Cells(string label, IReadOnlyList<double> values, Func<double, string> format) => [label, .. values.Select(format)];

    private static Table AgreementTable(PeerMeasurement peer)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"findings of the first run against {peer.Peer}'s (persons, or households for the overdue rules)"));
        table.AddColumn("rule").AddColumn(Right("both")).AddColumn(Right("only ReliefMatch")).AddColumn(Right("of which not exact identity")).AddColumn(Right("only " + Markup.Escape(peer.Peer)));
        foreach (var a in peer.Agreement)
        {
            table.AddRow(Markup.Escape(a.RuleId), N(a.Both), N(a.OnlyReliefMatch), N(a.OnlyReliefMatchNotExact), a.PeerIncluded ? "0" : "[red]" + N(a.OnlyPeer) + "[/]");
        }
        table.Caption(Markup.Escape(
            "The peer joins by the ID as written and the same name: it cannot repair an ID (one digit or an adjacent swap), " +
            "upgrade a 15-digit ID to 18 or normalise one, nor match by name, sex and birth date without an ID."));
        return table;
    }

    private static Table ScalingTable(IReadOnlyList<ScalingStep> steps)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("scaling (first run; ratio of the larger size to the smaller)");
        table.AddColumn("households").AddColumn(Right("records ×")).AddColumn(Right("run time ×"));
        var stageNames = steps[0].StageRatios.Select(s => s.Stage).ToList();
        foreach (var name in stageNames)
        {
            table.AddColumn(Right(name + " ×"));
        }
        foreach (var step in steps)
        {
            var cells = new List<string>
            {
                Invariant($"{step.FromHouseholds:N0} → {step.ToHouseholds:N0}"),
                R(step.DataRatio),
                step.IsTenfold ? "[bold]" + R(step.TimeRatio) + "[/]" : R(step.TimeRatio),
            };
            cells.AddRange(stageNames.Select(n => step.StageRatios.FirstOrDefault(s => s.Stage == n) is { Stage: not null } s ? R(s.Ratio) : ""));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private static Table TargetTable(BenchReport report)
    {
        var largest = report.Largest;
        var title = largest.Households >= BenchOptions.ProvinceHouseholds
            ? Invariant($"province targets at {largest.Households:N0} households")
            : Invariant($"province targets (meant for {BenchOptions.ProvinceHouseholds:N0} households) read at {largest.Households:N0}");
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("target").AddColumn("limit").AddColumn("measured").AddColumn("result");
        foreach (var t in report.Targets)
        {
            table.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Limit), Markup.Escape(t.Measured), t.Met switch
            {
                true => "[green]PASS[/]",
                false => "[red]MISS[/]",
                null => "[grey]not measured[/]",
            });
        }
        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string R(double ratio) => double.IsNaN(ratio) ? "" : ratio.ToString("F2", CultureInfo.InvariantCulture);

    private static string Bytes(long? bytes) => bytes is { } b ? BenchTarget.Gib(b) : "n/a";
}
