using System.Runtime.CompilerServices;
using System.Text;

namespace ReliefMatch.SampleData.Output;

/// <summary>
/// CSV as exported: comma separated, fields quoted only when they hold a comma, quote or line break. Rows are
/// built in a character buffer and encoded in blocks (UTF-8 with or without BOM, or GB18030), so writing a row
/// allocates nothing.
/// </summary>
internal sealed class CsvExtractSink : ExtractSink
{
    private const int BufferChars = 1 << 16;
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    });

    private readonly FileStream _file;
    private readonly Encoding _encoding;
    private readonly char[] _chars = new char[BufferChars];
    private readonly byte[] _bytes;
    private readonly string _newline;
    private int _position;
    private bool _firstField = true;

    public CsvExtractSink(string path, FileFormat format)
        : base(path, format)
    {
        _encoding = format switch
        {
            FileFormat.CsvGb18030 => Gb18030.Value,
            FileFormat.CsvUtf8 or FileFormat.CsvUtf8Bom => new UTF8Encoding(false),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a CSV format."),
        };
        _newline = format == FileFormat.CsvUtf8 ? "\n" : "\r\n";
        _bytes = new byte[_encoding.GetMaxByteCount(BufferChars)];
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        if (format == FileFormat.CsvUtf8Bom)
        {
            _file.Write([0xEF, 0xBB, 0xBF]);
        }
    }

    public override void TitleRow(string text, int columns)
    {
        // Excel saves a merged title as the text followed by empty cells.
        BeginFooterRow();
        Text(text);
        for (var i = 1; i < columns; i++)
        {
            Empty();
        }
        EndRow();
    }

    public override void HeaderRow(IReadOnlyList<string> headers)
    {
        BeginFooterRow();
        foreach (var header in headers)
        {
            Text(header);
        }
        EndRow();
    }

    public override void BlankRow(int columns)
    {
        BeginFooterRow(); // counted as a row, not as data
        for (var i = 0; i < columns; i++)
        {
            Empty();
        }
        EndRow();
    }

    public override void BeginRow()
    {
        DataRows++;
        AllRows++;
        _firstField = true;
    }

    public override void BeginFooterRow()
    {
        AllRows++;
        _firstField = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Text(ReadOnlySpan<char> value)
    {
        // A plain loop: fields are short, and the vectorised search would run unoptimised for most of a run.
        var quote = false;
        foreach (var c in value)
        {
            if (c is ',' or '"' or '\r' or '\n')
            {
                quote = true;
                break;
            }
        }
        var room = Reserve(value.Length * 2 + 3);
        var n = 0;
        if (!_firstField)
        {
            room[n++] = ',';
        }
        _firstField = false;
        if (!quote)
        {
            value.CopyTo(room[n..]);
            _position += n + value.Length;
            return;
        }
        room[n++] = '"';
        foreach (var c in value)
        {
            if (c == '"')
            {
                room[n++] = '"';
            }
            room[n++] = c;
        }
        room[n++] = '"';
        _position += n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Empty()
    {
        if (!_firstField)
        {
            Reserve(1)[0] = ',';
            _position++;
        }
        _firstField = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Integer(long value)
    {
        Span<char> buffer = stackalloc char[24];
        Raw(buffer[..TextFormats.Integer(buffer, value)]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Money(long cents, MoneyForm form)
    {
        if (form is MoneyForm.Thousands or MoneyForm.FullWidthYen && (cents >= 100_000 || cents <= -100_000))
        {
            // 1,234.50 holds a comma: quoted.
            Span<char> buffer = stackalloc char[TextFormats.MaxMoneyLength];
            Text(buffer[..TextFormats.WriteMoney(buffer, cents, form)]);
            return;
        }
        var room = Reserve(TextFormats.MaxMoneyLength + 1);
        var n = 0;
        if (!_firstField)
        {
            room[n++] = ',';
        }
        _firstField = false;
        _position += n + TextFormats.WriteMoney(room[n..], cents, form == MoneyForm.Cell ? MoneyForm.Plain : form);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Date(int dayNumber, DateForm form, int minuteOfDay = 0)
    {
        var room = Reserve(TextFormats.MaxDateLength + 1);
        var n = 0;
        if (!_firstField)
        {
            room[n++] = ',';
        }
        _firstField = false;
        _position += n + TextFormats.WriteDate(room[n..], dayNumber, form is DateForm.Cell or DateForm.Serial ? DateForm.Iso : form, minuteOfDay);
    }

    public override void ExcelDamagedId(long key)
    {
        // What Excel shows, and then saves, for an 18-digit number in a General cell.
        Span<char> id = stackalloc char[18];
        People.ResidentIdText.Write(key, id);
        Span<char> text = stackalloc char[12];
        text[0] = id[0];
        text[1] = '.';
        id[1..6].CopyTo(text[2..]);
        "E+17".AsSpan().CopyTo(text[7..]);
        Raw(text[..11]);
    }

    public override void LegacyIdNumber(string digits) => Text(digits);

    public override void MoneySum(long cents) => Money(cents, MoneyForm.Plain);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EndRow()
    {
        var room = Reserve(2);
        _newline.AsSpan().CopyTo(room);
        _position += _newline.Length;
    }

    /// <summary>A field that never needs quotes (numbers, dates).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Raw(ReadOnlySpan<char> value)
    {
        var room = Reserve(value.Length + 1);
        var n = 0;
        if (!_firstField)
        {
            room[n++] = ',';
        }
        _firstField = false;
        value.CopyTo(room[n..]);
        _position += n + value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<char> Reserve(int length)
    {
        if (_position + length > _chars.Length)
        {
            Flush();
            if (length > _chars.Length)
            {
                throw new InvalidOperationException($"A CSV field of {length} characters does not fit the buffer.");
            }
        }
        return _chars.AsSpan(_position);
    }

    private void Flush()
    {
        if (_position == 0)
        {
            return;
        }
        var count = _encoding.GetBytes(_chars, 0, _position, _bytes, 0);
        _file.Write(_bytes, 0, count);
        _position = 0;
    }

    protected override void Complete()
    {
        Flush();
        _file.Flush();
        _file.Dispose();
    }

    protected override void Release() => _file.Dispose();
}
