namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>worklists/&lt;乡镇&gt;.xlsx</c>: the worklist ready to print: a title row, a bold header kept in view and
/// repeated on every page, bordered text cells (IDs and dates as text), landscape A4 fitted to the page width.
/// The 预警编号 column is hidden: it stays in the file for matching a returned worklist back, off the page.
/// </summary>
public static class WorklistXlsxWriter
{
    private const int TitleRow = 1;
    private const int HeaderRow = 2;

    // 序号 村 姓名 身份证号 救助类别 预警类型 证据 建议处置 核查时限 核查结果 处置情况 核查人 核查日期
    private static readonly double[] Widths = [6, 12, 10, 21, 12, 16, 36, 22, 12, 14, 14, 10, 12];

    public static void Write(Stream output, Worklist worklist)
    {
        var sheet = new XlsxSheet(OutputNames.Sheet(worklist.Township)) { HeaderRows = HeaderRow };
        sheet.Columns(Widths);
        sheet.HiddenColumn(20);

        var printed = Widths.Length;
        sheet.Text(TitleRow, 1, worklist.Title, XlsxStyle.Title);
        sheet.Merge(TitleRow, 1, TitleRow, printed);
        sheet.Height(TitleRow, 30);

        for (var c = 0; c < Worklist.Headers.Count; c++)
        {
            sheet.Text(HeaderRow, c + 1, Worklist.Headers[c], XlsxStyle.Header);
        }

        var rowIndex = HeaderRow;
        foreach (var row in worklist.Rows)
        {
            rowIndex++;
            var cells = Worklist.Cells(row);
            sheet.Number(rowIndex, 1, row.Number);
            for (var c = 1; c < cells.Count; c++)
            {
                if (cells[c].Length == 0)
                {
                    sheet.Blank(rowIndex, c + 1);
                }
                else
                {
                    sheet.Text(rowIndex, c + 1, cells[c]);
                }
            }
            sheet.FitHeight(rowIndex);
        }

        XlsxWorkbook.Write(output, [sheet]);
    }
}
