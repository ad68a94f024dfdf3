using CsvHelper;

namespace ReliefMatch.Readers.Tables;

/// <summary>A CSV extract read with CsvHelper: comma separated, RFC 4180 quoting, UTF-8 or GB18030.</summary>
/// <remarks>
/// A row holding bytes that the encoding does not decode is given a <see cref="Fault"/> naming the byte's
/// offset in the file, so that it is rejected rather than stored with U+FFFD. A quoted field that is never
/// closed swallows every row after it, so the file is refused, naming the line where the field starts; a record
/// that runs past <see cref="MaxRecordBytes"/> (an unclosed quote in a large file) is refused before it is held.
/// </remarks>
internal sealed class CsvTableSource : TableSource
{
    /// <summary>The longest record read: a row of an extract is well under a KB.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private static readonly byte[] ReplacementBytes = System.Text.Encoding.UTF8.GetBytes(TextEncodings.Replacement);

    private readonly string path;
    private readonly string file;
    private readonly CsvReaderOptions options;
    private readonly int bomLength;
    private readonly bool utf8;
    private readonly char[] scratch = new char[256];
    private CsvReader reader;
    private bool unterminated;
    private RowFault? fault;

    /// <param name="file">The name used in refusals.</param>
    public CsvTableSource(string path, string file, string encoding)
    {
        this.path = path;
        this.file = file;
        Encoding = encoding;
        bomLength = encoding == TextEncodings.Utf8Bom ? 3 : 0;
        utf8 = encoding != TextEncodings.Gb18030Name;
        options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            // Blank lines are rows of the extract: they are counted as skipped, and line numbers stay physical.
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            Encoding = utf8 ? null : TextEncodings.Gb18030Marked,
            // Columns such as 就诊类型 and 就诊机构 repeat a handful of values over a million rows.
            PoolStrings = true,
            BufferSize = 1 << 18,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => unterminated |= m.Reason == CsvMalformedReason.UnterminatedQuote,
        };
        reader = Create();
    }

    public override string Encoding { get; }

    public override RowFault? Fault => fault;

    public override bool Read()
    {
        fault = null;
        unterminated = false;
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ExtractRefusedException(file,
                $"第 {e.LineNumber} 行起的一条记录超过 {MaxRecordBytes / (1 << 20)} MB 仍未结束，多半是引号没有闭合", []);
        }
        if (!more)
        {
            return false;
        }
        if (unterminated)
        {
            throw Unterminated();
        }
        fault = FindFault();
        return true;
    }

    public override int Row => (int)reader.LineNumber;

    public override int FieldCount => reader.FieldCount;

    public override ReadOnlySpan<char> Text(int column)
    {
        if ((uint)column >= (uint)reader.FieldCount)
        {
            return [];
        }
        var length = reader.GetSpan(column).Length;
        if (length == 0)
        {
            return [];
        }
        // UTF-8 never has fewer bytes than UTF-16 has chars, so a field of at most scratch.Length bytes fits.
        if (length <= scratch.Length)
        {
            var n = reader.GetChars(column, scratch);
            return scratch.AsSpan(0, n).Trim();
        }
        return reader.GetString(column).AsSpan().Trim();
    }

    public override string String(int column) => (uint)column < (uint)reader.FieldCount ? reader.GetString(column).Trim() : "";

    public override string AsRead(int column) => (uint)column < (uint)reader.FieldCount ? reader.GetString(column) : "";

    public override void Rewind(int rows)
    {
        fault = null;
        reader.Dispose();
        reader = Create();
        for (var i = 0; i < rows && reader.Read(); i++)
        {
        }
    }

    public override void Dispose() => reader.Dispose();

    /// <summary>The last field of the record opens a quote that the file never closes.</summary>
    private ExtractRefusedException Unterminated()
    {
        var column = Math.Max(reader.FieldCount - 1, 0);
        var raw = reader.RawRecord;
        var line = (int)reader.LineNumber;
        if (raw.Overlaps(reader.GetRawSpan(column), out var at))
        {
            line += raw[..at].Count((byte)'\n');
        }
        return new ExtractRefusedException(file,
            $"第 {line} 行第 {column + 1} 列以引号开始的字段没有闭合，一直延续到文件末尾，其后的行都无法读取", []);
    }

    /// <summary>The first byte of the record that the encoding does not decode, and its column; null when there is none.</summary>
    private RowFault? FindFault()
    {
        var raw = reader.RawRecord;
        int bad;
        if (utf8)
        {
            if (System.Text.Unicode.Utf8.IsValid(raw))
            {
                return null;
            }
            bad = TextEncodings.FirstInvalidUtf8(raw);
        }
        else
        {
            // Transcoded to UTF-8 by the reader, with U+FFFD where GB18030 could not read the bytes.
            bad = raw.IndexOf(ReplacementBytes);
            if (bad < 0)
            {
                return null;
            }
        }
        var column = reader.FieldCount - 1;
        for (var c = 0; c < reader.FieldCount; c++)
        {
            var field = reader.GetRawSpan(c);
            if (raw.Overlaps(field, out var at) && bad < at + field.Length)
            {
                column = c;
                break;
            }
        }
        if (!utf8)
        {
            return new RowFault(column, $"第 {column + 1} 列含有 GB18030 无法读出的字节");
        }
        var offset = bomLength + reader.ByteOffset + bad;
        return new RowFault(column,
            $"第 {column + 1} 列含有不是 UTF-8 的字节 0x{raw[bad]:X2}，位于文件第 {offset} 字节（从 0 数起）");
    }

    private CsvReader Create()
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            stream.Position = bomLength;
            return CsvReader.Create(stream, options, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
