using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary><c>reliefmatch import --input DIR [--period YYYY-MM] [--json]</c></summary>
public static class ImportCommand
{
    public static Command Create(TimeProvider time)
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "Drop folder: one sub-folder per source id (roster, police-deaths, health-deaths, disability, medical, monitoring).", Required = true };
        var period = CommonOptions.Period(false, "Month every extract is stamped with (default: each file's own month, as its name or title states it; a file that states none waits for an officer to confirm it).");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output." };
        var command = new Command("import", "Import every new extract of a drop folder into the database, with a row-level report.") { input, period, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(input)!;
            if (!folder.Exists)
            {
                await Console.Error.WriteLineAsync($"error: the drop folder '{folder.FullName}' does not exist.");
                return 2;
            }
            var installation = InstallationOptions.Resolve(parse, null, null, folder.FullName, Console.Error);
            using var logging = CommonOptions.Logging(parse);
            var logger = logging.CreateLogger("reliefmatch");
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logger, cancellationToken);
            ReliefMatch.Core.Periods.ReportingMonth? month = parse.GetResult(period) is null ? null : parse.GetValue(period);
            var sources = RuleFolder.Sources(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            var importer = new ExtractImporter(database.DataSource, time, null, logger, installation.ReaderOptions, sources);
            IReadOnlyList<ReliefMatch.Core.Extracts.FileReport> reports;
            using (var progress = new ProgressLine(Console.Error))
            {
                reports = await importer.ImportFolderAsync(folder.FullName, month, progress, cancellationToken);
            }
            var pending = new PendingFileStore(database.DataSource, time);
            foreach (var waiting in reports.Where(r => r.MonthUnknown))
            {
                await pending.RecordAsync(Path.GetFullPath(Path.Combine(folder.FullName, waiting.File)), waiting, cancellationToken);
            }
            var months = reports.Where(r => r.Period is not null && r.RefusedReason is null && !r.MonthUnknown).Select(r => r.Period!.Value);
            var checks = await new ExtractSanity(database.DataSource, sources).CheckAsync(months, RuleFolder.LoadSanity(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules))), cancellationToken);
            if (parse.GetValue(json))
            {
                await using var stdout = Console.OpenStandardOutput();
                ImportsJsonWriter.Write(stdout, reports, checks: checks);
            }
            else
            {
                AnsiConsole.MarkupLine($"导入 import: {Markup.Escape(folder.FullName)} → {Markup.Escape(database.Description)}, period {month?.ToString() ?? "每个文件的月份 (each file's own month)"}");
                ImportReportPrinter.Print(AnsiConsole.Console, reports, ExtractImporter.UndeclaredFolders(folder.FullName, sources));
                ImportReportPrinter.PrintChecks(AnsiConsole.Console, checks);
            }
            return reports.Any(r => r.RefusedReason is not null || r.MonthUnknown) ? 1 : 0;
        });
        return command;
    }
}
