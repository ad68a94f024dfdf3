using System.Globalization;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Spreadsheets;
using ReliefMatch.Storage.Accuracy;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// A township's 对照抽查名单 for a month as a workbook laid out like its worklist: a title, a bold header kept in view, the
/// people drawn in draw order with the four columns the township fills in (核查结果 with a drop-down of 有问题 / 无问题,
/// 处置情况, 核查人, 核查日期; printed back once recorded), the hidden 抽查编号 column that a returned list is matched by,
/// landscape with the signature and seal footer; and a second sheet (说明) saying what the list is for and how to fill it.
/// IDs masked 6+4 unless the county asked for full IDs.
/// </summary>
public static class ControlListXlsxWriter
{
    private const int HeaderRow = 2;
    private const int ResultColumn = 7;

    /// <summary>The column headers; the last, 抽查编号, is hidden.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["序号", "村", "姓名", "身份证号", "家庭编号", "救助类别", "核查结果", "处置情况", "核查人", "核查日期", "抽查编号"];

    private static readonly double[] Widths = [5, 12, 8, 19, 16, 16, 10, 34, 8, 11];

    /// <summary>E.g. <c>永福县2023年7月 罗锦镇 对照抽查名单</c>.</summary>
    public static string Title(string countyName, ReportingMonth period, string township) =>
        $"{countyName}{FindingText.ChineseMonth(period)} {township} 对照抽查名单";

    public static void Write(Stream output, string countyName, ReportingMonth period, string township, IReadOnlyList<StoredControlItem> items, bool fullIds = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        var title = Title(countyName, period, township);
        var sheet = new XlsxSheet(OutputNames.Sheet(township)) { HeaderRows = HeaderRow, Footer = WorklistXlsxWriter.Footer };
        sheet.Columns(Widths);
        sheet.HiddenColumn(20);
        sheet.Text(1, 1, title, XlsxStyle.Title);
        sheet.Merge(1, 1, 1, Widths.Length);
        sheet.Height(1, 30);
        if (items.Count > 0)
        {
            var column = XlsxReference.ColumnName(ResultColumn);
            sheet.DropDown($"{column}{HeaderRow + 1}:{column}{HeaderRow + items.Count}", ControlResultText.ProblemText, ControlResultText.NoProblemText);
        }
        Jobs.XlsxTable.Write(sheet, HeaderRow, Headers, items.Select((item, i) => Row(i + 1, item, fullIds)));

        var legend = new XlsxSheet(WorklistXlsxWriter.LegendSheet) { HeaderRows = 0 };
        legend.Columns(100);
        legend.Text(1, 1, $"{title} 填写说明", XlsxStyle.Title);
        legend.Height(1, 30);
        string[] notes =
        [
            "本名单是从本乡镇在册、但本月没有任何预警的救助对象中随机抽取的（同一月份、同一乡镇抽出的人员相同），用于测量数据比对的漏报情况。请像核查预警一样逐人核查。",
            $"核查结果：从下拉列表选择“{ControlResultText.ProblemText}”（发现不符合条件、情况变化未报告等问题）或“{ControlResultText.NoProblemText}”；“{ControlResultText.ProblemText}”的须在“处置情况”中写明发现的问题。",
            "核查人、核查日期：填写实际核查的人员和日期（日期不得晚于今天，也不得早于名单所属月份）。",
            "填好后与核查清单一样在本乡镇页面上传；也可在页面上逐人登记。抽查编号列已隐藏，用于上传时对应人员，请勿删除或改动。",
        ];
        for (var i = 0; i < notes.Length; i++)
        {
            legend.Text(i + 2, 1, notes[i], XlsxStyle.Note);
            legend.Height(i + 2, 45);
        }
        XlsxWorkbook.Write(output, [sheet, legend]);
    }

    /// <summary>A row's cells in <see cref="Headers"/> order, with what was recorded (处置情况 masked like the ID unless full IDs).</summary>
    public static IReadOnlyList<string> Row(int number, StoredControlItem item, bool fullIds)
    {
        ArgumentNullException.ThrowIfNull(item);
        var a = item.Answer;
        return
        [
            number.ToString(CultureInfo.InvariantCulture),
            item.Village,
            item.Name,
            fullIds ? item.IdNumber : ResidentId.Mask(item.IdNumber),
            item.HouseholdId,
            item.Programmes,
            a?.Result.Chinese() ?? "",
            a is null ? "" : fullIds ? a.Remarks : IdText.MaskIds(a.Remarks),
            a?.CheckedBy ?? "",
            a?.CheckedOn is { } on ? FindingText.Date(on) : "",
            item.Reference,
        ];
    }
}
