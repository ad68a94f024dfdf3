using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// A worksheet being put together for <see cref="XlsxWorkbook"/>: cells by (row, column), 1-based, plus the
/// layout a printed list needs (column widths, merged title, frozen header, landscape page fitted to width).
/// Text is always written as text (inline strings), never as a number, so IDs keep all 18 characters.
/// A long list puts only its first rows here and streams the rest (<see cref="StreamRows"/>): the part is
/// written with an <see cref="OpenXmlWriter"/>, so streamed rows never become objects.
/// </summary>
internal sealed class XlsxSheet(string name)
{
    private const double LineHeight = 14.25;

    /// <summary>
    /// The height of a wrapped line of 11 pt CJK text as printed: Excel's 14.25 holds 宋体, but WPS and LibreOffice set
    /// the same text in fonts with taller lines, and a fitted row must not cut its last line off on paper.
    /// </summary>
    private const double WrappedLineHeight = 16;

    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> rows = [];
    private readonly Dictionary<int, double> heights = [];
    private readonly List<string> merges = [];
    private readonly List<(double Width, bool Hidden)> columns = [];
    private Action<XlsxRowWriter>? streamedRows;

    public string Name { get; } = name;

    /// <summary>Rows kept in view when scrolling and repeated on each printed page.</summary>
    public int HeaderRows { get; set; }

    /// <summary>Pages tall to fit into when printing; 0 lets the rows run on over as many pages as they need.</summary>
    public int FitToHeight { get; set; }

    /// <summary>The printed range, e.g. <c>$A$1:$G$7</c>; null prints everything.</summary>
    public string? PrintArea { get; set; }

    /// <summary>
    /// The printed footer in Excel's header/footer codes (<c>&amp;L</c>, <c>&amp;C</c>, <c>&amp;R</c> for the sections,
    /// <c>&amp;P</c> and <c>&amp;N</c> for the page and the pages); null prints none.
    /// </summary>
    public string? Footer { get; set; }

    private readonly List<(string Range, string[] Values)> dropDowns = [];

    /// <summary>
    /// A drop-down list on the cells of <paramref name="range"/> (e.g. <c>J3:J56</c>): a value typed in must be one of
    /// <paramref name="values"/> (a blank is allowed), so that a clerk picks the word the reader expects.
    /// </summary>
    public void DropDown(string range, params string[] values) => dropDowns.Add((range, values));

    public void Columns(params ReadOnlySpan<double> widths)
    {
        foreach (var width in widths)
        {
            columns.Add((width, false));
        }
    }

    /// <summary>A trailing column for machines: kept in the file, left off the screen and the page.</summary>
    public void HiddenColumn(double width) => columns.Add((width, true));

    public void Text(int row, int column, string text, XlsxStyle style = XlsxStyle.Text) =>
        Put(row, column, new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(CellString(text)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = (uint)style,
        });

    public void Number(int row, int column, long value, XlsxStyle style = XlsxStyle.Number) =>
        Put(row, column, new Cell { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = (uint)style });

    /// <summary>An empty cell that still has its format (the borders of the columns the township fills in).</summary>
    public void Blank(int row, int column, XlsxStyle style = XlsxStyle.Text) => Put(row, column, new Cell { StyleIndex = (uint)style });

    /// <summary>Merges a rectangle; the text goes in its top-left cell.</summary>
    public void Merge(int fromRow, int fromColumn, int toRow, int toColumn) =>
        merges.Add($"{XlsxReference.Of(fromRow, fromColumn)}:{XlsxReference.Of(toRow, toColumn)}");

    public void Height(int row, double points) => heights[row] = points;

    /// <summary>
    /// Rows written after the sheet's own rows when the part is written, straight to the file; they must come
    /// in increasing order and below every row put in the sheet.
    /// </summary>
    public void StreamRows(Action<XlsxRowWriter> write) => streamedRows = write;

    /// <summary>
    /// Sets a row's height to fit its wrapped texts, estimated from the column widths (a CJK character is two
    /// width units). Excel does not size rows itself when it opens a file, and a printed list must not cut text.
    /// </summary>
    public void FitHeight(int row)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            return;
        }
        var lines = 1;
        foreach (var (column, cell) in cells)
        {
            if (cell.InlineString?.Text?.Text is { Length: > 0 } text)
            {
                lines = Math.Max(lines, Lines(columns, column, text));
            }
        }
        heights[row] = HeightOf(lines);
    }

    /// <summary>The lines a wrapped text takes in a column; 1 for a column with no width set.</summary>
    internal static int Lines(IReadOnlyList<(double Width, bool Hidden)> columns, int column, string text)
    {
        if (column > columns.Count)
        {
            return 1;
        }
        var usable = Math.Max(1, columns[column - 1].Width - 1);
        var lines = 0;
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            lines += Math.Max(1, (int)Math.Ceiling(DisplayWidth(line) / usable));
            if (end < 0)
            {
                return lines;
            }
            rest = rest[(end + 1)..];
        }
    }

    internal static double HeightOf(int lines) => lines == 1 ? LineHeight + 3 : lines * WrappedLineHeight + 3;

    /// <summary>A text as a cell holds it: inert for spreadsheet programs and safe for XML.</summary>
    internal static string CellString(string text) => XmlSafe(CellText.Inert(text));

    /// <summary>The SpreadsheetML namespace, written with the prefix the SDK's own writer uses.</summary>
    internal const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Writes the worksheet part with a plain <see cref="XmlWriter"/>: the fixed parts as the SDK's elements render
    /// themselves, the rows cell by cell. The SDK's part writer cost about a microsecond per cell, most of writing a
    /// province's worklists.
    /// </summary>
    internal void WriteTo(Stream part)
    {
        using var writer = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        writer.WriteStartDocument();
        writer.WriteStartElement("x", "worksheet", MainNamespace);
        writer.WriteRaw(new SheetProperties(new PageSetupProperties { FitToPage = true }).OuterXml);
        var view = new SheetView { WorkbookViewId = 0 };
        if (HeaderRows > 0)
        {
            var topLeft = XlsxReference.Of(HeaderRows + 1, 1);
            view.Append(
                new Pane { VerticalSplit = HeaderRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }
        writer.WriteRaw(new SheetViews(view).OuterXml);
        writer.WriteRaw(new SheetFormatProperties { DefaultRowHeight = LineHeight }.OuterXml);
        if (columns.Count > 0)
        {
            writer.WriteRaw(new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = c.Width,
                CustomWidth = true,
                Hidden = c.Hidden ? true : null,
            })).OuterXml);
        }
        writer.WriteStartElement("x", "sheetData", MainNamespace);
        foreach (var (rowIndex, cells) in rows)
        {
            var row = new Row { RowIndex = (uint)rowIndex };
            if (heights.TryGetValue(rowIndex, out var height))
            {
                row.Height = height;
                row.CustomHeight = true;
            }
            row.Append(cells.Values);
            writer.WriteRaw(row.OuterXml);
        }
        streamedRows?.Invoke(new XlsxRowWriter(writer, columns));
        writer.WriteEndElement();
        if (merges.Count > 0)
        {
            writer.WriteRaw(new MergeCells(merges.Select(m => new MergeCell { Reference = m })).OuterXml);
        }
        if (dropDowns.Count > 0)
        {
            writer.WriteRaw(new DataValidations(dropDowns.Select(d => new DataValidation(
                new Formula1("\"" + string.Join(",", d.Values) + "\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                ErrorTitle = "核查结果",
                Error = "请从下拉列表中选择：" + string.Join(" / ", d.Values),
                SequenceOfReferences = new ListValue<StringValue> { InnerText = d.Range },
            })) { Count = (uint)dropDowns.Count }.OuterXml);
        }
        // A footer needs room below the rows: the bottom margin is raised when there is one.
        writer.WriteRaw(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = Footer is null ? 0.5 : 0.7, Header = 0.3, Footer = 0.3 }.OuterXml);
        writer.WriteRaw(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = (uint)FitToHeight }.OuterXml);
        if (Footer is not null)
        {
            writer.WriteRaw(new HeaderFooter(new OddFooter(Footer)).OuterXml);
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private void Put(int row, int column, Cell cell)
    {
        cell.CellReference = XlsxReference.Of(row, column);
        if (!rows.TryGetValue(row, out var cells))
        {
            rows[row] = cells = [];
        }
        cells[column] = cell;
    }

    private static double DisplayWidth(ReadOnlySpan<char> text)
    {
        double width = 0;
        foreach (var c in text)
        {
            width += c < 0x2E80 ? 1 : 2;
        }
        return width;
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters from a damaged extract) become spaces.</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c)))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else
            {
                safe.Append(c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) ? ' ' : c);
            }
        }
        return safe.ToString();
    }
}
