using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReliefMatch.Tests.Host.Outputs;

/// <summary>Reads a written workbook back with the Open XML SDK, the way a test wants to look at it.</summary>
internal sealed class XlsxCells : IDisposable
{
    private readonly SpreadsheetDocument document;

    public XlsxCells(byte[] bytes) => document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public WorkbookPart WorkbookPart => document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames =>
        WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Worksheet(string sheet)
    {
        var id = WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)WorkbookPart.GetPartById(id)).Worksheet;
    }

    public Cell? Cell(string sheet, string reference) =>
        Worksheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The cell's text: an inline string's text, or the value as written; null for no cell.</summary>
    public string? Text(string sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell is null)
        {
            return null;
        }
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
    }

    public IReadOnlyList<string?> Row(string sheet, int row, int columns) =>
        Enumerable.Range(1, columns).Select(c => Text(sheet, ColumnName(c) + row)).ToList();

    /// <summary>What the Open XML schema validator finds wrong with the package (Office 2019 rules).</summary>
    public IReadOnlyList<string> SchemaErrors() =>
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

    public static string ColumnName(int column) => ((char)('A' + column - 1)).ToString();

    public void Dispose() => document.Dispose();
}
