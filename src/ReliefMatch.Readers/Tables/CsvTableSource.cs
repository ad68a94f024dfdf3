using CsvHelper;

namespace ReliefMatch.Readers.Tables;

/// <summary>A CSV extract read with CsvHelper: comma separated, RFC 4180 quoting, UTF-8 or GB18030.</summary>
internal sealed class CsvTableSource : TableSource
{
    private readonly string path;
    private readonly CsvReaderOptions options;
    private readonly int bomLength;
    private readonly char[] scratch = new char[256];
    private CsvReader reader;

    public CsvTableSource(string path, string encoding)
    {
        this.path = path;
        Encoding = encoding;
        bomLength = encoding == TextEncodings.Utf8Bom ? 3 : 0;
        options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            // Blank lines are rows of the extract: they are counted as skipped, and line numbers stay physical.
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            Encoding = encoding == TextEncodings.Gb18030Name ? TextEncodings.Gb18030 : null,
            // Columns such as 就诊类型 and 就诊机构 repeat a handful of values over a million rows.
            PoolStrings = true,
            BufferSize = 1 << 18,
        };
        reader = Create();
    }

    public override string Encoding { get; }

    public override bool Read() => reader.Read();

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
        reader.Dispose();
        reader = Create();
        for (var i = 0; i < rows && reader.Read(); i++)
        {
        }
    }

    public override void Dispose() => reader.Dispose();

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
