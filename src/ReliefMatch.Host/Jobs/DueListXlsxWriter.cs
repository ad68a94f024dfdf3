using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// A due list as a workbook ready to print: a title row, a bold header kept in view and repeated on each
/// page, bordered text cells (IDs and dates as text), landscape A4 fitted to the page width.
/// </summary>
public static class DueListXlsxWriter
{
    private const int TitleRow = 1;
    private const int HeaderRow = 2;

    // 序号 乡镇 村 家庭编号 户主姓名 户主身份证号 救助类别 最近核对日期 应核对日期 核对状态 收入资产比对 核对结果 核对日期
    private static readonly double[] Widths = [6, 12, 12, 14, 10, 21, 16, 12, 12, 10, 24, 14, 12];

    public static void Write(Stream output, StoredDueList list, string countyName, bool fullIds = false)
    {
        ArgumentNullException.ThrowIfNull(list);
        var sheet = new XlsxSheet(list.Summary.Kind == DueListKind.EconomicRecheck ? "到期名单" : "逾期名单") { HeaderRows = HeaderRow };
        sheet.Columns(Widths);
        sheet.Text(TitleRow, 1, DueListTable.Title(countyName, list.Summary), XlsxStyle.Title);
        sheet.Merge(TitleRow, 1, TitleRow, Widths.Length);
        sheet.Height(TitleRow, 30);
        XlsxTable.Write(sheet, HeaderRow, DueListTable.Headers, DueListTable.Rows(list, fullIds));
        XlsxWorkbook.Write(output, [sheet]);
    }
}
