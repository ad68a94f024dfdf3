using System.Globalization;
using System.Xml;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Writes the rows of a long sheet straight into the worksheet part (SAX style), one row at a time: a row's
/// cells are held only until <see cref="EndRow"/>, because its fitted height goes in the row's start tag.
/// Cells are written as <see cref="XlsxSheet"/> writes them (inline strings made inert and XML-safe, numbers,
/// formatted blanks), so a streamed sheet reads back the same as one built in memory, without an object per cell.
/// </summary>
internal sealed class XlsxRowWriter
{
    private const string Ns = XlsxSheet.MainNamespace;

    private readonly XmlWriter writer;
    private readonly IReadOnlyList<(double Width, bool Hidden)> columns;
    private readonly List<(int Column, CellKind Kind, string Text, long Number, XlsxStyle Style)> cells = [];
    private int rowIndex;

    internal XlsxRowWriter(XmlWriter writer, IReadOnlyList<(double Width, bool Hidden)> columns)
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

        writer.WriteStartElement("x", "row", Ns);
        writer.WriteAttributeString("r", rowIndex.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("ht", XlsxSheet.HeightOf(lines).ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("customHeight", "1");
        foreach (var cell in cells)
        {
            writer.WriteStartElement("x", "c", Ns);
            writer.WriteAttributeString("r", XlsxReference.Of(rowIndex, cell.Column));
            writer.WriteAttributeString("s", ((uint)cell.Style).ToString(CultureInfo.InvariantCulture));
            if (cell.Kind == CellKind.Number)
            {
                writer.WriteElementString("x", "v", Ns, cell.Number.ToString(CultureInfo.InvariantCulture));
            }
            else if (cell.Kind == CellKind.Text)
            {
                writer.WriteAttributeString("t", "inlineStr");
                writer.WriteStartElement("x", "is", Ns);
                writer.WriteStartElement("x", "t", Ns);
                writer.WriteAttributeString("xml", "space", null, "preserve");
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
