using System.Globalization;
using ExcelDataReader;

namespace ReliefMatch.Readers.Tables;

/// <summary>
/// A worksheet of an XLSX extract read with ExcelDataReader. Cells come as text, numbers, dates (number cells
/// with a date format) or the cached values of formulas.
/// </summary>
/// <remarks>
/// The workbook is checked against <see cref="XlsxLimits"/> before it is parsed (<see cref="XlsxPackage"/>), and
/// while it is read no cell may be longer, and no sheet row further down, than the limits allow: the file is
/// refused, naming what exceeded which limit.
/// The reader is forward-only, so the first rows of each sheet are kept: header detection reads them, and
/// <see cref="Rewind"/> serves them again instead of parsing the workbook a second time.
/// </remarks>
internal sealed class XlsxTableSource : TableSource
{
    /// <summary>Rows kept from the start of each sheet: enough for the header search.</summary>
    private const int KeptRows = 16;

    private readonly FileStream stream;
    private readonly string file;
    private readonly XlsxLimits limits;
    private readonly IExcelDataReader reader;
    private readonly List<(int Row, object?[] Cells)> kept = [];
    private readonly char[] scratch = new char[64];
    private int replay = -1;
    private object?[] current = [];
    private int row;

    /// <param name="file">The name used in refusals.</param>
    public XlsxTableSource(string path, string file, XlsxLimits limits)
    {
        _ = TextEncodings.Gb18030; // ExcelDataReader needs the code-pages provider registered.
        this.file = file;
        this.limits = limits;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            if (XlsxPackage.Problem(stream, limits) is { } problem)
            {
                throw new ExtractRefusedException(file, problem, []);
            }
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public override string Encoding => TextEncodings.Xlsx;

    public override string? Sheet => reader.Name;

    public override int Row => row;

    public override int FieldCount => current.Length;

    public override bool Read()
    {
        if (replay >= 0 && replay < kept.Count)
        {
            (row, current) = kept[replay++];
            return true;
        }
        if (!reader.Read())
        {
            return false;
        }
        // ExcelDataReader fills gaps in the sheet with empty rows, so Depth is the 0-based sheet row.
        row = reader.Depth + 1;
        if (row > limits.MaxRows)
        {
            throw new ExtractRefusedException(file,
                $"工作表“{reader.Name}”超过 {limits.MaxRows} 行的上限", []);
        }
        // A blank row (the reader walks every gap in the sheet row by row) costs no array.
        object?[]? cells = null;
        var count = reader.FieldCount;
        for (var i = 0; i < count; i++)
        {
            var value = reader.GetValue(i);
            if (value is null)
            {
                continue;
            }
            if (value is string { Length: var length } && length > limits.MaxCellCharacters)
            {
                throw new ExtractRefusedException(file,
                    $"工作表“{reader.Name}”第 {row} 行第 {i + 1} 列的单元格有 {length} 个字符，超过上限 {limits.MaxCellCharacters}", []);
            }
            (cells ??= new object?[count])[i] = value;
        }
        current = cells ?? [];
        if (replay < 0 && kept.Count < KeptRows)
        {
            kept.Add((row, current));
        }
        return true;
    }

    public override ReadOnlySpan<char> Text(int column)
    {
        if ((uint)column >= (uint)current.Length)
        {
            return [];
        }
        switch (current[column])
        {
            case null:
                return [];
            case string s:
                return s.AsSpan().Trim();
            case double d when Math.Floor(d) == d && Math.Abs(d) < 1e15:
                ((long)d).TryFormat(scratch, out var n, default, CultureInfo.InvariantCulture);
                return scratch.AsSpan(0, n);
            default:
                return AsRead(column).AsSpan().Trim();
        }
    }

    public override string String(int column) => (uint)column < (uint)current.Length && current[column] is string s ? s.Trim() : new string(Text(column));

    public override string AsRead(int column)
    {
        if ((uint)column >= (uint)current.Length)
        {
            return "";
        }
        return current[column] switch
        {
            null => "",
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }

    public override bool TryNumber(int column, out double value)
    {
        if ((uint)column < (uint)current.Length && current[column] is double d)
        {
            value = d;
            return true;
        }
        value = 0;
        return false;
    }

    public override bool TryDateTime(int column, out DateTime value)
    {
        if ((uint)column < (uint)current.Length && current[column] is DateTime t)
        {
            value = t;
            return true;
        }
        value = default;
        return false;
    }

    public override void Rewind(int rows)
    {
        if (rows > kept.Count)
        {
            throw new InvalidOperationException($"Cannot rewind past the {kept.Count} rows kept from the start of the sheet.");
        }
        replay = rows;
    }

    public override bool NextSheet()
    {
        kept.Clear();
        replay = -1;
        current = [];
        row = 0;
        return reader.NextResult();
    }

    public override void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
