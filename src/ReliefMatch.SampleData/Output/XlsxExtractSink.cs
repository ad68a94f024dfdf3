using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.SampleData.Output;

/// <summary>
/// A one-sheet workbook streamed row by row with <see cref="OpenXmlWriter"/>, so a sheet of a million rows never
/// sits in memory. The package is the program's one <see cref="XlsxPackageWriter"/>, laid out as Excel saves a
/// workbook (what a department's file looks like), byte-for-byte reproducible: fixed entry order, fixed entry times,
/// no document properties.
/// </summary>
internal sealed class XlsxExtractSink : ExtractSink
{
    /// <summary>Excel's limit on the rows of a sheet.</summary>
    public const int MaxRows = 1_048_576;

    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    // Cell styles (indices into cellXfs of the styles part below).
    private const string DateStyle = "1";
    private const string MoneyStyle = "2";
    private const string TitleStyle = "3";
    private const string HeaderStyle = "4";

    private static readonly string[] ColumnNames = Enumerable.Range(1, 64).Select(XlsxReference.ColumnName).ToArray();

    private readonly FileStream _file;
    private readonly XlsxPackageWriter _package;
    private readonly Stream _sheetStream;
    private readonly OpenXmlWriter _writer;
    private readonly List<string> _merges = [];
    private readonly List<OpenXmlAttribute> _rowAttributes = [default];
    private readonly List<OpenXmlAttribute> _cellAttributes = new(3);
    private readonly List<OpenXmlAttribute> _preserve = [new OpenXmlAttribute("xml", "space", XmlNs, "preserve")];
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly CellFormula _formula = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private int _rowNumber;
    private string _rowText = "";
    private int _column;
    private int _firstDataRow;
    private int _lastDataRow;

    /// <param name="columnWidths">Widths in characters, one per column.</param>
    /// <param name="stamp">The time recorded for every zip entry: fixed, so the bytes are too.</param>
    public XlsxExtractSink(string path, string sheetName, IReadOnlyList<double> columnWidths, DateTime stamp)
        : base(path, FileFormat.Xlsx)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _package = new XlsxPackageWriter(_file, XlsxPackageLayout.Excel, [new XlsxSheetEntry(sheetName)], Styles(), new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified), TimeSpan.Zero));
        _sheetStream = _package.OpenSheet();
        _writer = OpenXmlWriter.Create(_sheetStream, new UTF8Encoding(false));
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        var columns = new Columns();
        for (var i = 0; i < columnWidths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = columnWidths[i], CustomWidth = true });
        }
        _writer.WriteElement(columns);
        _writer.WriteStartElement(new SheetData());
    }

    public override void TitleRow(string text, int columns)
    {
        StartRow();
        StringCell(text, TitleStyle);
        _merges.Add($"A{_rowNumber}:{ColumnNames[Math.Max(1, columns) - 1]}{_rowNumber}");
        EndRow();
    }

    public override void HeaderRow(IReadOnlyList<string> headers)
    {
        StartRow();
        foreach (var header in headers)
        {
            StringCell(header, HeaderStyle);
        }
        EndRow();
    }

    /// <summary>Excel stores nothing for an empty row: the row numbers simply skip it.</summary>
    public override void BlankRow(int columns) => AllRows = ++_rowNumber;

    public override void BeginRow()
    {
        StartRow();
        DataRows++;
        if (_firstDataRow == 0)
        {
            _firstDataRow = _rowNumber;
        }
        _lastDataRow = _rowNumber;
    }

    public override void BeginFooterRow() => StartRow();

    public override void Text(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            Empty();
            return;
        }
        StringCell(new string(value), null);
    }

    public override void Empty() => _column++;

    public override void Integer(long value) => NumberCell(value.ToString(CultureInfo.InvariantCulture), null);

    public override void Money(long cents, MoneyForm form)
    {
        switch (form)
        {
            case MoneyForm.Cell:
                NumberCell(TextFormats.MoneyNumber(cents), MoneyStyle);
                break;
            case MoneyForm.Short:
                NumberCell(TextFormats.MoneyNumber(cents), null);
                break;
            default:
                Span<char> buffer = stackalloc char[TextFormats.MaxMoneyLength];
                StringCell(new string(buffer[..TextFormats.WriteMoney(buffer, cents, form)]), null);
                break;
        }
    }

    public override void Date(int dayNumber, DateForm form, int minuteOfDay = 0)
    {
        switch (form)
        {
            case DateForm.Cell:
                NumberCell(TextFormats.ExcelSerial(dayNumber).ToString(CultureInfo.InvariantCulture), DateStyle);
                break;
            case DateForm.Serial:
                NumberCell(TextFormats.ExcelSerial(dayNumber).ToString(CultureInfo.InvariantCulture), null);
                break;
            default:
                Span<char> buffer = stackalloc char[TextFormats.MaxDateLength];
                StringCell(new string(buffer[..TextFormats.WriteDate(buffer, dayNumber, form, minuteOfDay)]), null);
                break;
        }
    }

    public override void ExcelDamagedId(long key) =>
        NumberCell(People.ResidentIdText.ExcelNumber(key).ToString("R", CultureInfo.InvariantCulture), null);

    public override void LegacyIdNumber(string digits) => NumberCell(digits, null);

    public override void MoneySum(long cents)
    {
        var column = ColumnNames[_column];
        BeginCell(MoneyStyle, null);
        _writer.WriteStartElement(_formula);
        _writer.WriteString($"SUM({column}{_firstDataRow}:{column}{_lastDataRow})");
        _writer.WriteEndElement();
        _writer.WriteStartElement(_value);
        _writer.WriteString(TextFormats.MoneyNumber(cents));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public override void EndRow() => _writer.WriteEndElement();

    private void StartRow()
    {
        AllRows = ++_rowNumber;
        _column = 0;
        _rowText = _rowNumber.ToString(CultureInfo.InvariantCulture);
        _rowAttributes[0] = new OpenXmlAttribute("r", "", _rowText);
        _writer.WriteStartElement(_row, _rowAttributes);
    }

    private void BeginCell(string? style, string? type)
    {
        _cellAttributes.Clear();
        _cellAttributes.Add(new OpenXmlAttribute("r", "", ColumnNames[_column] + _rowText));
        if (style is not null)
        {
            _cellAttributes.Add(new OpenXmlAttribute("s", "", style));
        }
        if (type is not null)
        {
            _cellAttributes.Add(new OpenXmlAttribute("t", "", type));
        }
        _writer.WriteStartElement(_cell, _cellAttributes);
        _column++;
    }

    private void StringCell(string value, string? style)
    {
        BeginCell(style, "inlineStr");
        _writer.WriteStartElement(_inline);
        // Leading or trailing blanks (" 姓名 ", a tab before an ID) are kept only when marked.
        var preserve = value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        if (preserve)
        {
            _writer.WriteStartElement(_text, _preserve);
        }
        else
        {
            _writer.WriteStartElement(_text);
        }
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void NumberCell(string value, string? style)
    {
        BeginCell(style, null);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    protected override void Complete()
    {
        _writer.WriteEndElement(); // sheetData
        if (_merges.Count > 0)
        {
            var merges = new MergeCells { Count = (uint)_merges.Count };
            foreach (var reference in _merges)
            {
                merges.Append(new MergeCell { Reference = reference });
            }
            _writer.WriteElement(merges);
        }
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _sheetStream.Dispose();
        _package.Finish();
        _file.Dispose();
    }

    protected override void Release()
    {
        _writer.Dispose();
        _sheetStream.Dispose();
        _package.Dispose();
        _file.Dispose();
    }

    /// <summary>宋体 11 throughout; dates yyyy-mm-dd, amounts #,##0.00, a bold centred title, bold wrapped headers.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 176U, FormatCode = "yyyy-mm-dd" }) { Count = 1U },
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 16D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }))
        { Count = 3U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 176U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
            {
                NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyAlignment = true,
            },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                NumberFormatId = 0U, FontId = 2U, FillId = 0U, BorderId = 1U, FormatId = 0U, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
            })
        { Count = 5U },
        new CellStyles(new CellStyle { Name = "常规", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
