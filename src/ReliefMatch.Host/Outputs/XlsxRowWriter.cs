using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Writes the rows of a long sheet straight into the worksheet part (SAX style), one row at a time: a row's
/// cells are held only until <see cref="EndRow"/>, because its fitted height goes in the row's start tag.
/// Cells are written as <see cref="XlsxSheet"/> writes them (inline strings made inert and XML-safe, numbers,
/// formatted blanks), so a streamed sheet reads back the same as one built in memory, without an object per cell.
/// </summary>
internal sealed class XlsxRowWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // Empty elements whose tags the writer copies; their content is written as attributes and strings.
    private static readonly Row RowTag = new();
    private static readonly Cell CellTag = new();
    private static readonly InlineString InlineStringTag = new();
    private static readonly Text TextTag = new();
    private static readonly CellValue ValueTag = new();
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", XmlNamespace, "preserve")];

    private readonly OpenXmlWriter writer;
    private readonly IReadOnlyList<(double Width, bool Hidden)> columns;
    private readonly List<(int Column, CellKind Kind, string Text, long Number, XlsxStyle Style)> cells = [];
    private readonly List<OpenXmlAttribute> attributes = new(3);
    private int rowIndex;

    internal XlsxRowWriter(OpenXmlWriter writer, IReadOnlyList<(double Width, bool Hidden)> columns)
    {
        this.writer = writer;
        this.columns = columns;
    }

    /// <summary>Starts a row; rows must come in increasing order, after the sheet's own rows.</summary>
    public void BeginRow(int row)
    {
        rowIndex = row;
        cells.Clear();
    }

    /// <summary>A text cell; columns must come in increasing order within the row.</summary>
    public void Text(int column, string text, XlsxStyle style = XlsxStyle.Text) =>
        cells.Add((column, CellKind.Text, XlsxSheet.CellString(text), 0, style));

    public void Number(int column, long value, XlsxStyle style = XlsxStyle.Number) => cells.Add((column, CellKind.Number, "", value, style));

    /// <summary>An empty cell that still has its format.</summary>
    public void Blank(int column, XlsxStyle style = XlsxStyle.Text) => cells.Add((column, CellKind.Blank, "", 0, style));

    /// <summary>Writes the row, its height fitted to its wrapped texts as <see cref="XlsxSheet.FitHeight"/> does.</summary>
    public void EndRow()
    {
        var lines = 1;
        foreach (var cell in cells)
        {
            if (cell.Kind == CellKind.Text && cell.Text is { Length: > 0 } text)
            {
                lines = Math.Max(lines, XlsxSheet.Lines(columns, cell.Column, text));
            }
        }

        attributes.Clear();
        attributes.Add(new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new OpenXmlAttribute("ht", "", XlsxSheet.HeightOf(lines).ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        writer.WriteStartElement(RowTag, attributes);
        foreach (var cell in cells)
        {
            attributes.Clear();
            attributes.Add(new OpenXmlAttribute("r", "", XlsxSheet.Reference(rowIndex, cell.Column)));
            attributes.Add(new OpenXmlAttribute("s", "", ((uint)cell.Style).ToString(CultureInfo.InvariantCulture)));
            if (cell.Kind == CellKind.Number)
            {
                writer.WriteStartElement(CellTag, attributes);
                writer.WriteStartElement(ValueTag);
                writer.WriteString(cell.Number.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
            else if (cell.Kind == CellKind.Blank)
            {
                writer.WriteStartElement(CellTag, attributes);
            }
            else
            {
                attributes.Add(new OpenXmlAttribute("t", "", "inlineStr"));
                writer.WriteStartElement(CellTag, attributes);
                writer.WriteStartElement(InlineStringTag);
                writer.WriteStartElement(TextTag, Preserve);
                writer.WriteString(cell.Text);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private enum CellKind
    {
        Text,
        Number,
        Blank,
    }
}
