using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// <c>worklists/&lt;乡镇&gt;.xlsx</c>: the worklist ready to print: a title row, a bold header kept in view and
/// repeated on every page, bordered text cells (IDs and dates as text), landscape A4 fitted to the page width, rows
/// as tall as their wrapped texts, and a footer with the page numbers and the lines for the checker's signature and
/// the unit's seal. 建议处置 is a short label per rule, the full text is on the second sheet (说明), so that a list
/// of fifty rows prints on a page or two. 核查结果 has a drop-down list (属实, 不属实). The 预警编号 column is
/// hidden: it stays in the file for matching a returned worklist back, off the page.
/// </summary>
public static class WorklistXlsxWriter
{
    /// <summary>The second sheet's name.</summary>
    public const string LegendSheet = "说明";

    /// <summary>The printed footer: the signature and seal lines at the left, the page numbers at the right.</summary>
    public const string Footer = "&L核查人签字：　　　　　　单位盖章：&R第 &P 页 共 &N 页";

    private const int TitleRow = 1;
    private const int HeaderRow = 2;
    private const int ResultColumn = 10;

    // 序号 村 姓名 身份证号 救助类别 预警类型 证据 建议处置 核查时限 核查结果 处置情况 核查人 核查日期
    // Wide enough that most rows take one or two lines: fitted to the page width, a wider sheet prints smaller but
    // a row that wraps to three lines costs more paper than the columns do.
    private static readonly double[] Widths = [5, 10, 8, 19, 10, 22, 54, 22, 11, 10, 16, 8, 11];

    public static void Write(Stream output, Worklist worklist)
    {
        var sheet = new XlsxSheet(OutputNames.Sheet(worklist.Township)) { HeaderRows = HeaderRow, Footer = Footer };
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
        if (worklist.Rows.Count > 0)
        {
            var column = XlsxReference.ColumnName(ResultColumn);
            sheet.DropDown($"{column}{HeaderRow + 1}:{column}{HeaderRow + worklist.Rows.Count}", "属实", "不属实");
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
                Text(rows, 8, SuggestedActions.Label(row.SuggestedAction));
                Text(rows, 9, FindingText.Date(row.DueDate));
                Text(rows, 10, row.Outcome.Result);
                Text(rows, 11, row.Outcome.Remarks);
                Text(rows, 12, row.Outcome.CheckedBy);
                Text(rows, 13, row.Outcome.CheckedOn);
                Text(rows, 14, row.Reference);
                rows.EndRow();
            }
        });

        XlsxWorkbook.Write(output, [sheet, Legend(worklist)]);
    }

    /// <summary>The 说明 sheet: how to fill the list in, and per 预警类型 on it the full 建议处置.</summary>
    private static XlsxSheet Legend(Worklist worklist)
    {
        var legend = new XlsxSheet(LegendSheet) { HeaderRows = 0 };
        legend.Columns(28, 100);
        legend.Text(1, 1, $"{worklist.Title} 填写说明", XlsxStyle.Title);
        legend.Merge(1, 1, 1, 2);
        legend.Height(1, 30);
        string[] notes =
        [
            "核查结果：从下拉列表选择“属实”或“不属实”；“不属实”的须在“处置情况”中写明理由。",
            "核查人、核查日期：填写实际核查的人员和日期（日期不得晚于今天，也不得早于预警所属月份）。",
            $"“{WorklistOutcome.Escalated}”：上月已核实属实、本月仍在册的预警，处置情况中写明首次核实的日期和核查人；请尽快处置，处置后再次填写核查结果。",
            "预警编号列已隐藏，用于上传时对应预警，请勿删除或改动。",
        ];
        var row = 2;
        foreach (var note in notes)
        {
            legend.Text(row, 1, note, XlsxStyle.Note);
            legend.Merge(row, 1, row, 2);
            legend.Height(row, 30);
            row++;
        }
        row++;
        legend.Text(row, 1, "预警类型", XlsxStyle.Header);
        legend.Text(row, 2, "建议处置（清单中为简称）", XlsxStyle.Header);
        foreach (var (warning, action) in worklist.Rows
            .Select(r => (r.Warning, r.SuggestedAction))
            .Distinct()
            .OrderBy(a => a.Warning, StringComparer.Ordinal))
        {
            row++;
            legend.Text(row, 1, warning);
            legend.Text(row, 2, action);
            legend.FitHeight(row);
        }
        return legend;
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
