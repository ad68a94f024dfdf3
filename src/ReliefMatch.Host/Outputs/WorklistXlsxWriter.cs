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

        // The rows go straight to the file: a township may have thousands, and a province a hundred townships.
        sheet.StreamRows(rows =>
        {
            var rowIndex = HeaderRow;
            foreach (var row in worklist.Rows)
            {
                rows.BeginRow(++rowIndex);
                rows.Number(1, row.Number);
                Text(rows, 2, row.Village);
                Text(rows, 3, row.Name);
                Text(rows, 4, row.IdNumber);
                Text(rows, 5, row.Programmes);
                Text(rows, 6, row.Warning);
                Text(rows, 7, row.Evidence);
                Text(rows, 8, row.SuggestedAction);
                Text(rows, 9, FindingText.Date(row.DueDate));
                for (var c = 10; c <= 13; c++)
                {
                    rows.Blank(c);
                }
                Text(rows, 14, row.Reference);
                rows.EndRow();
            }
        });

        XlsxWorkbook.Write(output, [sheet]);
    }

    /// <summary>An empty value stays a formatted blank, as the township fills it in by hand.</summary>
    private static void Text(XlsxRowWriter rows, int column, string text)
    {
        if (text.Length == 0)
        {
            rows.Blank(column);
        }
        else
        {
            rows.Text(column, text);
        }
    }
}
