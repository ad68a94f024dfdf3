using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReliefMatch.Tests.Readers;

/// <summary>
/// Builds small XLSX files with the cell kinds that extracts contain: shared and inline text, numbers, date
/// cells (a number with a date format), formulas with cached values, and booleans.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, List<(int Row, object?[] Cells)> Rows)> sheets = [];

    public TestWorkbook Sheet(string name)
    {
        sheets.Add((name, []));
        return this;
    }

    /// <summary>Adds a row at the given 1-based sheet row (rows between stay absent, as in real files).</summary>
    public TestWorkbook Row(int row, params object?[] cells)
    {
        if (sheets.Count == 0)
        {
            Sheet("Sheet1");
        }
        sheets[^1].Rows.Add((row, cells));
        return this;
    }

    /// <summary>A date cell: the serial number of the date with the built-in short date format.</summary>
    public sealed record DateCell(DateTime Value);

    /// <summary>A formula with its cached result (a number or a string).</summary>
    public sealed record FormulaCell(string Formula, object Cached);

    /// <summary>Text stored inline in the cell rather than in the shared-string table.</summary>
    public sealed record InlineText(string Value);

    public void Save(string path)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
        var shared = new SharedStringTable();
        var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (rowIndex, cells) in rows)
            {
                var row = new Row { RowIndex = (uint)rowIndex };
                for (var c = 0; c < cells.Length; c++)
                {
                    var cell = MakeCell(cells[c], shared, sharedIndex);
                    if (cell is null)
                    {
                        continue;
                    }
                    cell.CellReference = ColumnName(c) + rowIndex;
                    row.Append(cell);
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }
        sharedPart.SharedStringTable = shared;
    }

    private static Cell? MakeCell(object? value, SharedStringTable shared, Dictionary<string, int> sharedIndex) => value switch
    {
        null => null,
        string s => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Share(s, shared, sharedIndex)) },
        InlineText t => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(t.Value)) },
        DateCell d => new Cell { CellValue = new CellValue(d.Value.ToOADate()), StyleIndex = 1 },
        FormulaCell { Cached: string s } f => new Cell { CellFormula = new CellFormula(f.Formula), DataType = CellValues.String, CellValue = new CellValue(s) },
        FormulaCell f => new Cell { CellFormula = new CellFormula(f.Formula), CellValue = new CellValue(Convert.ToDouble(f.Cached, System.Globalization.CultureInfo.InvariantCulture)) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        double d => new Cell { CellValue = new CellValue(d) },
        int i => new Cell { CellValue = new CellValue(i) },
        long l => new Cell { CellValue = new CellValue((double)l) },
        decimal m => new Cell { CellValue = new CellValue(m) },
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} cell"),
    };

    private static int Share(string s, SharedStringTable shared, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(s, out var i))
        {
            i = index.Count;
            index[s] = i;
            shared.Append(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return i;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}
