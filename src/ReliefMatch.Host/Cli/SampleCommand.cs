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
        var output = new Option<DirectoryInfo>("--out") { Description = "要写出的收件目录（每个数据来源一个子文件夹）。", Required = true };
        var households = CommonOptions.Count("--households", "本县名册的户数（300 约为一个小县；1000000 约为一个省）。", 300, SampleOptions.MaxHouseholds);
        var seed = new Option<int>("--seed") { Description = "随机种子：相同的选项生成完全相同的文件。", DefaultValueFactory = _ => 20230701 };
        var period = CommonOptions.Period(false, "数据所属月份（默认 2023-07）。");
        var plain = new Option<bool>("--plain") { Description = "每个来源都写成规范表头的 UTF-8 CSV（不含各部门的杂乱格式）。" };
        var command = new Command("sample", "生成一个模拟县的各部门数据文件（示例数据，格式与实际相同）。") { output, households, seed, period, plain };
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
                CliErrors.Write($"示例数据的选项不可用 (invalid sample options)：{e.Message}");
                return 2;
            }
            var summary = SampleFolder.Write(parse.GetValue(output)!.FullName, options);
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]示例数据 (sample) → {Markup.Escape(parse.GetValue(output)!.FullName)}[/]");
            table.AddColumn("数据来源").AddColumn(new TableColumn("文件数").RightAligned()).AddColumn(new TableColumn("行数").RightAligned());
            foreach (var (source, rows) in summary.RowsBySource)
            {
                table.AddRow($"{Markup.Escape(SourceRef.Of(source).ChineseName)} {source}", summary.Files.Count(f => f.Source == source).ToString(CultureInfo.InvariantCulture), rows.ToString("N0", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "共 {0:N0} 行，{1:N1} MB，用时 {2:F2} 秒（每秒 {3:N0} 行）",
                summary.TotalRows, summary.TotalBytes / 1e6, summary.Elapsed.TotalSeconds, summary.RowsPerSecond);
            return 0;
        });
        return command;
    }
}
