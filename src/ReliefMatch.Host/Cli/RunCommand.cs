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
        var input = new Option<DirectoryInfo?>("--input") { Description = "收件目录：先导入其中的新文件（可省略：省略时只用已导入的数据）。" };
        var period = CommonOptions.Period(true, "比对的数据月份，例如 2023-07。");
        var output = new Option<DirectoryInfo>("--out") { Description = "输出文件夹：findings.csv、stats.json、imports.json、各乡镇核查清单（worklists/）和统计表。", Required = true };
        var fullIds = new Option<bool>("--full-ids") { Description = "核查清单和报告中显示完整身份证号（默认只显示前 6 位和后 4 位）。" };
        var parts = CommonOptions.Count("--parts",
            "按身份证号把比对分成 N 片，每片作为一个任务，由连接同一数据库的任一 reliefmatch serve 执行；全部完成后写出与不分片相同的输出。", 1);
        var county = InstallationOptions.County("本安装所服务的县的区划代码，仅在尚未设定时使用（或先运行 reliefmatch init），设定后保存在状态文件夹中。");
        var countyName = InstallationOptions.CountyName("--county-name", "--county 所给县的县名。");
        var command = new Command("run", "每月比对：导入数据，运行规则，保存预警，写出核查清单和统计表。") { input, period, output, fullIds, parts, county, countyName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(input);
            if (folder is { Exists: false })
            {
                await CliErrors.WriteAsync(CliErrors.NoDropFolder(folder.FullName));
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
