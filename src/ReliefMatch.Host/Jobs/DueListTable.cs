using System.Globalization;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>A due list as the CSV and XLSX downloads lay it out: title, headers, and one row of cells per household.</summary>
public static class DueListTable
{
    /// <summary>The column headers; the last two are left empty for the township to fill in.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["序号", "乡镇", "村", "家庭编号", "户主姓名", "户主身份证号", "救助类别", "最近核对日期", "应核对日期", "核对状态", "收入资产比对", "核对结果", "核对日期"];

    /// <summary>E.g. <c>永福县 经济状况核对到期名单（2024年1月1日）</c> or <c>永福县 经济状况核对逾期名单（截至2023年7月31日）</c>.</summary>
    public static string Title(string countyName, DueListSummary list) => list.Kind == DueListKind.EconomicRecheck
        ? $"{countyName} {list.Kind.Chinese()}（{ChineseDate(list.AsOf)}）"
        : $"{countyName} {list.Kind.Chinese()}（截至{ChineseDate(list.AsOf)}）";

    /// <param name="fullIds">Full head IDs instead of masked ones (first 6 and last 4 digits), for the bureau's own use.</param>
    public static IEnumerable<IReadOnlyList<string>> Rows(StoredDueList list, bool fullIds) =>
        list.Items.Select((d, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            d.Township,
            d.Village,
            d.HouseholdId,
            d.HeadName,
            fullIds ? d.HeadIdNumber : ResidentId.Mask(d.HeadIdNumber),
            string.Join("、", d.Programmes.Select(p => p.Chinese())),
            d.LastCheckOn is { } last ? FindingText.Date(last) : "",
            d.DueOn is { } due ? FindingText.Date(due) : "",
            Status(d),
            string.Join("；", d.Signals.Select(s => s.Source + "：" + s.Text)),
            "",
            "",
        ]);

    /// <summary>从未核对 (never checked), 已逾期 (overdue) or 未到期 (not yet due).</summary>
    public static string Status(RecheckDue due) => due.LastCheckOn is null ? "从未核对" : due.Overdue ? "已逾期" : "未到期";

    public static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
