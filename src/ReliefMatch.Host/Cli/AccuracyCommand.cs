using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Runs;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch accuracy --period YYYY-MM</c>: each rule's measured accuracy in the month, from the townships' returned
/// outcomes (属实, 不属实, 未核查, precision with n, per township, the 不属实 reasons grouped), and the control list's miss rate
/// with n. Counts and grouped reasons only: no person is printed.
/// </summary>
public static class AccuracyCommand
{
    public static Command Create(TimeProvider time)
    {
        var period = CommonOptions.Period(true, "数据月份，例如 2023-07。");
        var command = new Command("accuracy", "某月各规则的准确率（按乡镇返回的核查结果）和对照抽查的漏报率。") { period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rules = RuleFolder.Load(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            var accuracy = await MonthAccuracy.LoadAsync(database.DataSource, time, rules, parse.GetValue(period), cancellationToken);
            Print(AnsiConsole.Console, accuracy, id => rules.Find(id)?.Title ?? id);
            return 0;
        });
        return command;
    }

    public static void Print(IAnsiConsole console, MonthAccuracy accuracy, Func<string, string> title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(title);
        var month = Outputs.FindingText.ChineseMonth(accuracy.Period);
        var rules = new Table().Border(TableBorder.Rounded).Title($"[bold]{month} 各规则准确率（按乡镇核查结果）[/]");
        rules.AddColumn("规则");
        foreach (var header in (string[])["预警", "属实", "不属实", "未核查", "准确率", "样本数 n"])
        {
            rules.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var rule in accuracy.Rules)
        {
            rules.AddRow(Cells(Markup.Escape(title(rule.RuleId)), rule.Total));
            foreach (var (township, tally) in rule.Townships)
            {
                rules.AddRow(Cells("  " + Markup.Escape(township), tally));
            }
        }
        console.Write(rules);
        foreach (var rule in accuracy.Rules.Where(r => r.Reasons.Count > 0))
        {
            console.MarkupLine($"[bold]{Markup.Escape(title(rule.RuleId))}[/] 不属实理由：" +
                string.Join("；", rule.Reasons.Select(r => $"{Markup.Escape(r.Reason)} ×{r.Count.ToString(CultureInfo.InvariantCulture)}")));
        }
        if (!accuracy.HasControlList)
        {
            console.MarkupLine($"{month}没有对照抽查名单。");
            return;
        }
        var controls = new Table().Border(TableBorder.Rounded).Title($"[bold]{month} 对照抽查（未预警人员）漏报率[/]");
        controls.AddColumn("乡镇");
        foreach (var header in (string[])["抽查", "有问题", "无问题", "未核查", "漏报率", "样本数 n"])
        {
            controls.AddColumn(new TableColumn(header).RightAligned());
        }
        foreach (var (township, tally) in accuracy.ControlTownships)
        {
            controls.AddRow(Cells(Markup.Escape(township), tally));
        }
        controls.AddRow(Cells("[bold]合计[/]", accuracy.Controls));
        console.Write(controls);
        if (accuracy.ControlProblems.Count > 0)
        {
            console.MarkupLine("对照抽查发现的问题：" + string.Join("；", accuracy.ControlProblems.Select(r => $"{Markup.Escape(r.Reason)} ×{r.Count.ToString(CultureInfo.InvariantCulture)}")));
        }
    }

    private static string[] Cells(string label, OutcomeTally t) =>
        [label, N(t.Total), N(t.Confirmed), N(t.Dismissed), N(t.Open), MonthAccuracy.Percent(t.Precision), N(t.Answered)];

    private static string[] Cells(string label, ControlTally t) =>
        [label, N(t.Total), N(t.Problem), N(t.NoProblem), N(t.Open), MonthAccuracy.Percent(t.MissRate), N(t.Answered)];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
