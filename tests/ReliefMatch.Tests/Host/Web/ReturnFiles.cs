using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Host.Outputs;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// Returned worklists as townships hand them back: a CSV with the worklist's header, or a downloaded XLSX filled
/// in the way Excel saves it (shared strings, a date typed into 核查日期 stored as a date serial).
/// </summary>
internal static class ReturnFiles
{
    /// <summary>A CSV with the worklist's columns; each row gives 预警编号, 核查结果, 处置情况, 核查人, 核查日期.</summary>
    public static byte[] Csv(params (string Reference, string Result, string Remarks, string By, string On)[] rows) =>
        Csv(Encoding.UTF8, rows);

    public static byte[] Csv(Encoding encoding, params (string Reference, string Result, string Remarks, string By, string On)[] rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Worklist.Headers)).Append("\r\n");
        var n = 0;
        foreach (var (reference, result, remarks, by, on) in rows)
        {
            n++;
            text.Append(CultureInfo.InvariantCulture, $"{n},一村,李{n},450326********0011,农村低保,死亡人员仍在享受救助,证据,核实,2023-08-15,{result},{remarks},{by},{on},{reference}\r\n");
        }
        return encoding.GetBytes(text.ToString());
    }

    /// <summary>
    /// Fills a downloaded worklist XLSX: for each 预警编号 given, writes 核查结果, 处置情况, 核查人 as shared strings
    /// and 核查日期 as a date serial (a number), as Excel saves a sheet someone typed into.
    /// </summary>
    public static byte[] FillXlsx(byte[] worklist, params (string Reference, string Result, string Remarks, string By, DateOnly? On)[] rows) =>
        FillXlsx(worklist, "预警编号", rows);

    /// <summary>As <see cref="FillXlsx(byte[], ValueTuple{string, string, string, string, DateOnly?}[])"/>, the rows found by the column <paramref name="referenceHeader"/> (a control list's 抽查编号).</summary>
    public static byte[] FillXlsx(byte[] worklist, string referenceHeader, params (string Reference, string Result, string Remarks, string By, DateOnly? On)[] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(worklist);
        stream.Position = 0;
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var shared = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable ??= new SharedStringTable();
            var sheet = workbook.WorksheetParts.First().Worksheet!;
            var data = sheet.GetFirstChild<SheetData>()!;
            var header = data.Elements<Row>().First(r => r.Elements<Cell>().Any(c => c.InnerText == referenceHeader));
            var columns = header.Elements<Cell>().ToDictionary(c => c.InnerText, c => Letters(c.CellReference!.Value!));
            foreach (var (reference, result, remarks, by, on) in rows)
            {
                var row = data.Elements<Row>().Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith(columns[referenceHeader], StringComparison.Ordinal) && c.InnerText == reference));
                SetShared(row, columns["核查结果"], result, shared.SharedStringTable);
                SetShared(row, columns["处置情况"], remarks, shared.SharedStringTable);
                SetShared(row, columns["核查人"], by, shared.SharedStringTable);
                if (on is { } date)
                {
                    var cell = CellAt(row, columns["核查日期"]);
                    cell.DataType = null;
                    cell.InlineString = null;
                    cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        return stream.ToArray();
    }

    private static void SetShared(Row row, string column, string text, SharedStringTable table)
    {
        if (text.Length == 0)
        {
            return;
        }
        table.AppendChild(new SharedStringItem(new Text(text)));
        var cell = CellAt(row, column);
        cell.InlineString = null;
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue((table.Elements<SharedStringItem>().Count() - 1).ToString(CultureInfo.InvariantCulture));
    }

    private static Cell CellAt(Row row, string column)
    {
        var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        return row.Elements<Cell>().Single(c => c.CellReference!.Value == reference);
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsAsciiLetterUpper).ToArray());
}
