using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// Reads a worklist a township hands back: the XLSX or CSV that <see cref="WorklistXlsxWriter"/> and
/// <see cref="WorklistCsvWriter"/> wrote, filled in, and possibly saved again by Excel or WPS (shared strings,
/// date cells, a GB18030 CSV), within <see cref="XlsxLimits.Returns"/>, and the control list that
/// <see cref="ControlListXlsxWriter"/> wrote. The header row is found by its texts within the first rows of any sheet; rows are
/// tied to findings by the hidden 预警编号 column (a control list's 抽查编号), never by position.
/// </summary>
public static class ReturnedWorklistReader
{
    private const string ReferenceHeader = "预警编号";
    /// <summary>The control list's reference column (<see cref="ControlListXlsxWriter"/>): its rows are read the same way.</summary>
    public const string ControlReferenceHeader = "抽查编号";
    private const string ResultHeader = "核查结果";
    private const string RemarksHeader = "处置情况";
    private const string CheckedByHeader = "核查人";
    private const string CheckedOnHeader = "核查日期";

    /// <summary>The largest part (in characters of XML) read; <see cref="XlsxLimits.Returns"/> holds a sheet to fewer bytes still.</summary>
    private const long MaxCharactersInPart = 64L << 20;

    /// <summary>A worklist is a township's month: far less than an extract may be, and read into memory whole.</summary>
    private static XlsxLimits Limits => XlsxLimits.Returns;

    /// <summary>How far down a header row is looked for (the XLSX has a title row above it).</summary>
    private const int HeaderSearchRows = 10;

    /// <summary>
    /// Reads the file's bytes; the format and a CSV's encoding are told by the bytes as an extract's are
    /// (<see cref="TableFileFormat"/>: an XLSX is a zip, text UTF-8 or GB18030), and a name ending <c>.xlsx</c> or
    /// <c>.csv</c> must agree with them.
    /// </summary>
    /// <param name="fileName">The name it was uploaded under, when known.</param>
    public static ReturnedWorklist Read(byte[] bytes, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return ReturnedWorklist.Unreadable("文件为空。");
        }
        return TableFileFormat.Sniff(bytes, fileName) switch
        {
            { Kind: TableFileKind.Xlsx } => ReadXlsx(bytes),
            { Kind: TableFileKind.Csv } csv => ReadCsv(bytes, csv),
            var refused => ReturnedWorklist.Unreadable($"{refused.Refusal}。"),
        };
    }

    private static ReturnedWorklist ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // Checked before it is opened: a zip of a few MB may inflate to GB, which the parser would hold.
            if (XlsxPackage.Problem(stream, Limits) is { } problem)
            {
                return ReturnedWorklist.Unreadable($"XLSX 文件超出核查清单的限度：{problem}");
            }
            // A worklist of a few thousand rows is a few MB of sheet XML; a part far larger is no worklist (or a zip bomb).
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets is not { } sheets)
            {
                return ReturnedWorklist.Unreadable("工作簿中没有工作表。");
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                var rows = SheetRows(part, shared);
                var result = FromTable(rows);
                if (result is not null)
                {
                    return result;
                }
            }
            return NoHeader();
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or IOException or FormatException)
        {
            return ReturnedWorklist.Unreadable("XLSX 文件已损坏或无法读取。");
        }
    }

    /// <summary>The sheet's rows as (row number, cells by 0-based column); a numeric cell is given as its number text.</summary>
    private static IEnumerable<(int Row, Dictionary<int, (string Text, bool Number)> Cells)> SheetRows(WorksheetPart part, List<string> shared)
    {
        var data = part.Worksheet?.GetFirstChild<SheetData>();
        if (data is null)
        {
            yield break;
        }
        var rowNumber = 0;
        foreach (var row in data.Elements<Row>())
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var cells = new Dictionary<int, (string, bool)>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                cells[column] = CellText(cell, shared);
            }
            yield return (rowNumber, cells);
        }
    }

    private static (string Text, bool Number) CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? (shared[i], false) : ("", false);
        }
        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText ?? "", false);
        }
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            return (cell.CellValue?.Text ?? "", false);
        }
        return (cell.CellValue?.Text ?? "", cell.CellValue is not null);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    /// <summary>A CSV, in the encoding the sniffer found (UTF-8, or GB18030 when Excel or WPS on a Chinese PC saved it again).</summary>
    private static ReturnedWorklist ReadCsv(byte[] bytes, TableFileFormat format)
    {
        var offset = format.PreambleLength;
        var encoding = format.TextEncoding;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            Encoding = encoding,
        };
        using var stream = new MemoryStream(bytes, offset, bytes.Length - offset, writable: false);
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        var rows = new List<(int, Dictionary<int, (string, bool)>)>();
        try
        {
            while (reader.Read())
            {
                var cells = new Dictionary<int, (string, bool)>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells[i] = (reader.GetString(i), false);
                }
                rows.Add(((int)reader.LineNumber, cells));
            }
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException)
        {
            return ReturnedWorklist.Unreadable("CSV 文件无法读取：" + e.Message);
        }
        return FromTable(rows) ?? NoHeader();
    }

    private static ReturnedWorklist NoHeader() =>
        ReturnedWorklist.Unreadable($"找不到核查清单的表头（需要“{ReferenceHeader}”和“{ResultHeader}”两列）。请上传从本系统下载、填写后的核查清单。");

    /// <summary>The worklist in a table, or null when the table has no worklist header in its first rows.</summary>
    private static ReturnedWorklist? FromTable(IEnumerable<(int Row, Dictionary<int, (string Text, bool Number)> Cells)> table)
    {
        Dictionary<string, int>? columns = null;
        var seen = 0;
        var rows = new List<ReturnedRow>();
        foreach (var (rowNumber, cells) in table)
        {
            if (rowNumber > Limits.MaxRows)
            {
                return ReturnedWorklist.Unreadable($"文件超过 {Limits.MaxRows} 行，不是一个乡镇的核查清单。");
            }
            foreach (var (column, (text, _)) in cells)
            {
                if (text.Length > Limits.MaxCellCharacters)
                {
                    return ReturnedWorklist.Unreadable(
                        $"第 {rowNumber} 行第 {column + 1} 列的单元格有 {text.Length} 个字符，超过上限 {Limits.MaxCellCharacters}。");
                }
            }
            if (columns is null)
            {
                if (++seen > HeaderSearchRows)
                {
                    return null;
                }
                var headers = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (column, (text, _)) in cells.OrderBy(c => c.Key))
                {
                    headers.TryAdd(HeaderKey(text), column);
                }
                if (!headers.ContainsKey(ReferenceHeader) && headers.TryGetValue(ControlReferenceHeader, out var control))
                {
                    headers[ReferenceHeader] = control;
                }
                if (headers.ContainsKey(ReferenceHeader) && headers.ContainsKey(ResultHeader))
                {
                    columns = headers;
                }
                continue;
            }
            var map = columns;
            string Text(string header) =>
                map.TryGetValue(header, out var c) && cells.TryGetValue(c, out var cell) ? cell.Text.Trim() : "";

            var reference = Text(ReferenceHeader);
            var result = Text(ResultHeader);
            var remarks = Text(RemarksHeader);
            var checkedBy = Text(CheckedByHeader);
            var checkedOn = map.TryGetValue(CheckedOnHeader, out var dateColumn) && cells.TryGetValue(dateColumn, out var date)
                ? date.Number ? SerialDate(date.Text) : date.Text.Trim()
                : "";
            if (reference.Length == 0 && result.Length == 0 && remarks.Length == 0 && checkedBy.Length == 0 && checkedOn.Length == 0)
            {
                continue;
            }
            rows.Add(new ReturnedRow(rowNumber, reference, result, remarks, checkedBy, checkedOn));
        }
        return columns is null ? null : new ReturnedWorklist(rows);
    }

    /// <summary>A header cell compared without spaces or line breaks.</summary>
    private static string HeaderKey(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>An Excel date serial as <c>yyyy-MM-dd</c>; any other number as it is (e.g. <c>20230805</c>).</summary>
    private static string SerialDate(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466 && serial < 100000)
        {
            return FindingText.Date(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))));
        }
        return text.Trim();
    }
}
