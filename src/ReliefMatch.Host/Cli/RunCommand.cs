using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Host.Runs;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary><c>reliefmatch run --input DIR --period YYYY-MM --out OUT [--full-ids] [--parts N] [--county CODE --county-name NAME]</c></summary>
public static class RunCommand
{
    public static Command Create(TimeProvider time)
    {
        var input = new Option<DirectoryInfo?>("--input") { Description = "Drop folder whose new extracts are imported first (optional: without it, the run uses what is already imported)." };
        var period = CommonOptions.Period(true, "Reporting month P, e.g. 2023-07.");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for findings.csv, stats.json, imports.json, worklists/ and the 统计表.", Required = true };
        var fullIds = new Option<bool>("--full-ids") { Description = "Print full ID numbers on worklists (default: first 6 and last 4 digits)." };
        var parts = CommonOptions.Count("--parts",
            "Split the run by resident ID into N parts, each a job that any 'reliefmatch serve' on the same database may take; waits for them all, then writes the outputs a run in one piece would write.", 1);
        var county = InstallationOptions.County("The county this installation serves (区划代码), on a home that has none yet (else see 'reliefmatch init'); it is kept in the home.");
        var countyName = InstallationOptions.CountyName("--county-name", "The name of the county given by --county, e.g. 永福县.");
        var command = new Command("run", "The monthly run: import, apply the rules, store the findings, write worklists and the 统计表.") { input, period, output, fullIds, parts, county, countyName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(input);
            if (folder is { Exists: false })
            {
                await Console.Error.WriteLineAsync($"error: the drop folder '{folder.FullName}' does not exist.");
                return 2;
            }
            var installation = InstallationOptions.Resolve(parse, county, countyName, folder?.FullName, Console.Error);
            var rulesFolder = RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules));
            var rules = RuleFolder.Load(rulesFolder);
            using var logging = CommonOptions.Logging(parse);
            var logger = logging.CreateLogger("reliefmatch");
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logger, cancellationToken);
            var month = parse.GetValue(period);
            var request = new MonthlyRunRequest(month, folder?.FullName, parse.GetValue(output)!.FullName, parse.GetValue(fullIds));
            if (parse.GetValue(parts) is var n and > 1)
            {
                var home = Path.GetFullPath(parse.GetValue(CommonOptions.Home)!);
                return await SplitRunClient.RunAsync(database, home, rules, rulesFolder, installation, time, logger, request, n, cancellationToken);
            }
            MonthlyRunResult result;
            using (var progress = new ProgressLine(Console.Error))
            {
                result = await new MonthlyRun(database.DataSource, rules, installation, time, logger) { Sanity = RuleFolder.LoadSanity(rulesFolder) }
                    .ExecuteAsync(request, progress, cancellationToken);
            }
            if (result.Imports.Count > 0)
            {
                ImportReportPrinter.Print(AnsiConsole.Console, result.Imports, fullIds: request.FullIds);
                ImportReportPrinter.PrintChecks(AnsiConsole.Console, result.Checks);
            }
            RunReportPrinter.Print(AnsiConsole.Console, result, rules);
            return 0;
        });
        return command;
    }
}
