using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Workplace;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch replay --period YYYY-MM --rule FILE</c>: a changed rule file against a month already run, as the
/// workplace's 规则试算 page does it — the findings it adds and removes by township (IDs masked) and the 统计表 cells that
/// would move. Publishes nothing and changes nothing stored; the replay is written to the audit log.
/// </summary>
public static class ReplayCommand
{
    public static Command Create(TimeProvider time)
    {
        var period = CommonOptions.Period(true, "已运行过比对的月份，例如 2023-07。");
        var rule = new Option<FileInfo>("--rule") { Description = "要试算的修改后的规则文件（YAML）：替换同编号的规则，编号是新的则作为新规则加入。", Required = true };
        var command = new Command("replay", "规则试算：在已运行的月份上试算修改后的规则，列出会增加和减少的预警以及统计表会变动的数字；不发布任何东西。") { period, rule };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(rule)!;
            if (!file.Exists)
            {
                await CliErrors.WriteAsync($"规则文件“{file.FullName}”不存在 (the rule file does not exist).");
                return 2;
            }
            var installation = InstallationOptions.Resolve(parse, Console.Error);
            var rules = RuleFolder.Load(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            using var logging = CommonOptions.Logging(parse);
            var logger = logging.CreateLogger("reliefmatch");
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logger, cancellationToken);
            var month = parse.GetValue(period);
            var result = await new RuleReplay(database.DataSource, rules, installation)
                .ReplayAsync(month, new RuleFile(file.Name, await File.ReadAllTextAsync(file.FullName, cancellationToken)), cancellationToken);
            await new AuditLog(database.DataSource, time).WriteAsync(new AuditEntry(RunAudit.CommandLine, null, null, AuditActions.ReplayRule, ReplayText.Summary(result))
            {
                Rows = result.Added.Count + result.Removed.Count,
            }, cancellationToken);
            Print(AnsiConsole.Console, result);
            return 0;
        });
        return command;
    }

    public static void Print(IAnsiConsole console, ReplayResult result)
    {
        console.MarkupLine($"[bold]{Markup.Escape(ReplayText.Summary(result))}[/]");
        console.MarkupLine("[grey]试算不发布任何东西：已保存的预警、统计表、上报版本和核查清单都不变。[/]");
        PrintFindings(console, "新增的预警", result.Added);
        PrintFindings(console, "减少的预警", result.Removed);
        if (result.Cells.Count == 0)
        {
            console.MarkupLine("统计表的数字都不变。");
            return;
        }
        var cells = new Table().Border(TableBorder.Rounded).Title("统计表会变动的数字");
        cells.AddColumn("单位").AddColumn("项目").AddColumn(new TableColumn("现在").RightAligned()).AddColumn(new TableColumn("试算后").RightAligned());
        foreach (var c in result.Cells)
        {
            cells.AddRow(Markup.Escape(c.Unit), Markup.Escape(c.Words), Markup.Escape(c.Was), Markup.Escape(c.Will));
        }
        console.Write(cells);
    }

    private static void PrintFindings(IAnsiConsole console, string title, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            console.MarkupLine($"{title}：没有。");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"{title}（{findings.Count} 条）");
        table.AddColumn("乡镇").AddColumn("姓名").AddColumn("身份证号").AddColumn("预警类型").AddColumn("证据");
        foreach (var f in findings)
        {
            table.AddRow(Markup.Escape(f.Township), Markup.Escape(f.Name), ResidentId.Mask(f.IdNumber), Markup.Escape(FindingText.Warning(f)), Markup.Escape(FindingText.Evidence(f, fullIds: false)));
        }
        console.Write(table);
    }
}
