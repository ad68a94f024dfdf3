using System.Globalization;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Runs;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>What a monthly run found, per rule and per township, and where the outputs are.</summary>
public static class RunReportPrinter
{
    public static void Print(IAnsiConsole console, MonthlyRunResult result, RuleSet rules)
    {
        var byRule = new Table().Border(TableBorder.Rounded).Title($"[bold]{result.Period} 预警 (findings)[/]");
        byRule.AddColumn("规则").AddColumn("预警类型").AddColumn(new TableColumn("本月").RightAligned())
            .AddColumn(new TableColumn("本月新增").RightAligned()).AddColumn(new TableColumn("已排除").RightAligned()).AddColumn("数据预警");
        foreach (var rule in rules.Rules)
        {
            var of = result.Findings.Where(f => string.Equals(f.Finding.RuleId, rule.Id, StringComparison.Ordinal)).ToList();
            byRule.AddRow(
                rule.Id,
                Markup.Escape(rule.Title),
                N(of.Count),
                N(of.Count(f => f.FirstSeen == result.Period)),
                N(of.Count(f => f.Status == FindingStatus.Dismissed)),
                rule.DataWarning ? "是" : "");
        }
        console.Write(byRule);

        foreach (var skip in result.Skipped)
        {
            console.MarkupLine($"[yellow]本月未运行 (skipped)[/] {Markup.Escape(rules.Find(skip.RuleId)?.Title ?? skip.RuleId)}（{Markup.Escape(skip.RuleId)}）：{Markup.Escape(skip.Reason)}");
        }
        ImportReportPrinter.PrintUndeclared(console, result.UndeclaredFolders);

        var stats = result.Statistics?.DataWarning ?? DataWarningStatistics.Count(result.Period, result.Findings, result.Townships);
        var sheet = new Table().Border(TableBorder.Rounded).Title("[bold]数据预警（本月首次预警，按人计）[/]");
        sheet.AddColumn("乡镇").AddColumn(new TableColumn("合计").RightAligned()).AddColumn(new TableColumn("低保").RightAligned())
            .AddColumn(new TableColumn("特困").RightAligned()).AddColumn(new TableColumn("低保边缘户").RightAligned()).AddColumn(new TableColumn("支出型困难家庭").RightAligned());
        foreach (var t in stats.Townships)
        {
            AddCounts(sheet, Markup.Escape(t.Township), t.Counts);
        }
        AddCounts(sheet, "[bold]全县[/]", stats.County);
        console.Write(sheet);

        if (result.OutputsKeptIn is { } kept)
        {
            console.MarkupLine($"输出 (outputs)：{Markup.Escape(RunDescription.OutputsKept(kept))}");
        }
        if (result.Outputs is { } outputs)
        {
            console.MarkupLine($"输出 (outputs)：{outputs.Files.Count} 个文件：{Markup.Escape(string.Join("、", outputs.Files.Where(f => !f.Contains('/', StringComparison.Ordinal))))} 和各乡镇核查清单 worklists/");
        }
        console.MarkupLine("[grey]用时 (timings)：" + string.Join("  ", result.Timings.Select(t => $"{StageName(t.Stage)} {t.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} 秒")) + "[/]");
    }

    /// <summary>The Chinese word for a stage of the run (<see cref="MonthlyRunResult.Timings"/>), its id after it.</summary>
    private static string StageName(string stage) => stage switch
    {
        "import" => "导入",
        "load" => "读取",
        "match" => "比对",
        "reuse" => "沿用",
        "save" => "保存",
        "outputs" => "写出",
        _ => stage,
    } + $"({stage})";

    private static void AddCounts(Table table, string name, DataWarningCounts c) =>
        table.AddRow(name, N(c.Total), N(c.Dibao), N(c.Tekun), N(c.Edge), N(c.Expenditure));

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
