using System.CommandLine;
using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary><c>reliefmatch sample --out DIR [--households N] [--seed S] [--plain]</c></summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Drop folder to write (one sub-folder per source).", Required = true };
        var households = new Option<int>("--households") { Description = "Home-county roster households (300 ≈ a small county; 1000000 ≈ a province).", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same options give the same bytes.", DefaultValueFactory = _ => 20230701 };
        var period = CommonOptions.Period(false, "Reporting month the extracts are for (default 2023-07).");
        var plain = new Option<bool>("--plain") { Description = "Write every source as clean UTF-8 CSV with canonical headers (no messy variants)." };
        var command = new Command("sample", "Write a realistic county's departmental extracts in the contract's formats.") { output, households, seed, period, plain };
        command.SetAction(parse =>
        {
            var options = new SampleOptions(
                parse.GetValue(households),
                parse.GetValue(seed),
                parse.GetResult(period) is null ? null : parse.GetValue(period),
                parse.GetValue(plain));
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var summary = SampleFolder.Write(parse.GetValue(output)!.FullName, options);
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]sample → {Markup.Escape(parse.GetValue(output)!.FullName)}[/]");
            table.AddColumn("source").AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (source, rows) in summary.RowsBySource)
            {
                table.AddRow(source, summary.Files.Count(f => f.Source == source).ToString(CultureInfo.InvariantCulture), rows.ToString("N0", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0:N0} rows, {1:N1} MB in {2:F2} s ({3:N0} rows/s)",
                summary.TotalRows, summary.TotalBytes / 1e6, summary.Elapsed.TotalSeconds, summary.RowsPerSecond);
            return 0;
        });
        return command;
    }
}
