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
        var input = new Option<DirectoryInfo>("--input") { Description = "收件目录：每个数据来源一个子文件夹，以来源的编号命名（roster、police-deaths、vehicles……，见 rules/sources）。", Required = true };
        var period = CommonOptions.Period(false, "所有文件按此数据月份导入（默认：按每个文件的文件名或标题写明的月份；都没写明的文件待人工确认月份）。");
        var json = new Option<bool>("--json") { Description = "以 JSON 格式在标准输出上打印导入报告。" };
        var command = new Command("import", "把收件目录中的新文件导入数据库，并逐行报告接收、拒收和跳过的情况。") { input, period, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(input)!;
            if (!folder.Exists)
            {
                await CliErrors.WriteAsync(CliErrors.NoDropFolder(folder.FullName));
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
                AnsiConsole.MarkupLine($"导入 (import)：{Markup.Escape(folder.FullName)} → {Markup.Escape(database.Description)}，数据月份 {month?.ToString() ?? "按每个文件自己的月份"}");
                ImportReportPrinter.Print(AnsiConsole.Console, reports, ExtractImporter.UndeclaredFolders(folder.FullName, sources));
                ImportReportPrinter.PrintChecks(AnsiConsole.Console, checks);
            }
            return reports.Any(r => r.RefusedReason is not null || r.MonthUnknown) ? 1 : 0;
        });
        return command;
    }
}
