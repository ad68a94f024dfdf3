using System.Globalization;
using ReliefMatch.Host.Outputs;

namespace ReliefMatch.Host.Runs;

/// <summary>The sentence that sums a rule replay up, the same on the page, in the audit log and at the command line.</summary>
public static class ReplayText
{
    public static string Summary(ReplayResult result)
    {
        var rule = result.New;
        var old = result.Old is { } o ? $"第 {o.Version} 版" : "（新规则）";
        return string.Create(CultureInfo.InvariantCulture,
            $"{FindingText.ChineseMonth(result.Period)}试算规则 {rule.Title}（{rule.Id}）：在用{old}，试算第 {rule.Version} 版；新增预警 {result.Added.Count} 条，减少 {result.Removed.Count} 条，统计表 {result.Cells.Count} 处数字变动。");
    }
}
