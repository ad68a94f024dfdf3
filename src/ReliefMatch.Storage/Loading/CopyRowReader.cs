using System.Buffers.Binary;
using System.Text;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Reads the rows of a <c>COPY … TO STDOUT (FORMAT BINARY)</c> straight from the raw stream: a row is a field
/// count, then per field a length (−1 for NULL) and the value in PostgreSQL's binary send format. Reading the
/// fields off a buffer, and interning texts from their bytes, costs a fraction of a general-purpose reader's
/// per-field work, which at province scale (millions of rows of 15–24 columns) was most of the load.
/// </summary>
/// <remarks>Handles the types the record tables use: bigint, integer, smallint, boolean, date, numeric, text and one-dimensional arrays (the declared records' text[]), element by element.</remarks>
internal sealed class CopyRowReader
{

    private readonly Stream _stream;
    private readonly string _what;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _fieldsLeft;
    private int _rows;
    private readonly char[] _chars = new char[256];

    private CopyRowReader(Stream stream, string what)
    {
        _stream = stream;
        _what = what;
    }

    /// <summary>Starts reading <paramref name="stream"/> (the raw output of a binary COPY); checks the header.</summary>
    /// <param name="what">Named in errors: which export this is.</param>
    public static CopyRowReader Open(Stream stream, string what)
    {
        var reader = new CopyRowReader(stream, what);
        reader.Need(BinaryCopy.Signature.Length + 8);
        if (!reader._buffer.AsSpan(0, BinaryCopy.Signature.Length).SequenceEqual(BinaryCopy.Signature))
        {
            throw reader.Broken("it does not start with the binary COPY signature");
        }
        reader._start = BinaryCopy.Signature.Length + 4; // flags: no OIDs in the rows
        var extension = reader.Int32Raw();
        reader.Need(extension);
        reader._start += extension;
        return reader;
    }

    /// <summary>Moves to the next row; false at the end of the data. The previous row must have been read or skipped whole.</summary>
    public bool NextRow()
    {
        if (_fieldsLeft != 0)
        {
            throw new InvalidOperationException($"{_fieldsLeft} field(s) of row {_rows} of {_what} were left unread.");
        }
        Need(2);
        var count = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_start));
        _start += 2;
        if (count == -1)
        {
            return false;
        }
        _fieldsLeft = count;
        _rows++;
        return true;
    }

    /// <summary>Whether the next field is NULL (without consuming it).</summary>
    public bool IsNull
    {
        get
        {
            Need(4);
            return BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start)) == -1;
        }
    }

    public void Skip()
    {
        var length = FieldLength();
        if (length > 0)
        {
            Need(length);
            _start += length;
        }
    }

    public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Field(8, "bigint"));

    public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Field(4, "integer"));

    public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Field(2, "smallint"));

    public bool Boolean() => Field(1, "boolean")[0] != 0;

    public DateOnly Date() => BinaryCopy.Epoch.AddDays(BinaryPrimitives.ReadInt32BigEndian(Field(4, "date")));

    public long? NullableInt64() => NullOr() ? null : Int64();

    public short? NullableInt16() => NullOr() ? null : Int16();

    public bool? NullableBoolean() => NullOr() ? null : Boolean();

    public DateOnly? NullableDate() => NullOr() ? null : Date();

    public decimal? NullableNumeric() => NullOr() ? null : Numeric();

    /// <summary>A text field; through <paramref name="pool"/> when given, so that a repeated value is one string.</summary>
    public string Text(StringPool? pool)
    {
        var length = FieldLength();
        if (length < 0)
        {
            throw Broken("a text field is NULL where a value is required");
        }
        return DecodeText(length, pool);
    }

    /// <summary>A text field that may be NULL.</summary>
    public string? NullableText(StringPool? pool)
    {
        var length = FieldLength();
        return length < 0 ? null : DecodeText(length, pool);
    }

    /// <summary>
    /// Starts reading a one-dimensional array field that must not be NULL: the number of its elements, each then read
    /// by <see cref="ElementLength"/> and one of <see cref="ElementText"/>, <see cref="ElementChars"/> or <see cref="SkipElement"/>.
    /// </summary>
    public int ArrayStart()
    {
        var length = FieldLength();
        if (length < 0)
        {
            throw Broken("an array field is NULL where a value is required");
        }
        var dimensions = Int32Raw();
        Int32Raw(); // whether any element is NULL: each element says so itself
        Int32Raw(); // the element type
        if (dimensions == 0)
        {
            return 0;
        }
        if (dimensions != 1)
        {
            throw Broken($"an array field has {dimensions} dimensions, not 1");
        }
        var count = Int32Raw();
        Int32Raw(); // the lower bound
        return count;
    }

    /// <summary>The length in bytes of the next array element; −1 for NULL (which has no bytes to read).</summary>
    public int ElementLength() => Int32Raw();

    /// <summary>The next array element, of <paramref name="length"/> bytes, as text; through <paramref name="pool"/> when given.</summary>
    public string ElementText(int length, StringPool? pool) => DecodeText(length, pool);

    /// <summary>
    /// The next array element, of <paramref name="length"/> bytes, as characters valid until the next read: for a value
    /// parsed at once (a date, an amount) no string is made.
    /// </summary>
    public ReadOnlySpan<char> ElementChars(int length)
    {
        if (length > _chars.Length)
        {
            throw Broken($"an element of {length} bytes is longer than a parsed value can be");
        }
        Need(length);
        var count = Encoding.UTF8.GetChars(_buffer.AsSpan(_start, length), _chars);
        _start += length;
        return _chars.AsSpan(0, count);
    }

    public void SkipElement(int length)
    {
        if (length > 0)
        {
            Need(length);
            _start += length;
        }
    }

    /// <summary>A numeric field: base-10000 digits with a weight, a sign and a display scale.</summary>
    public decimal Numeric()
    {
        var length = FieldLength();
        if (length < 8)
        {
            throw Broken("a numeric field is shorter than its header");
        }
        Need(length);
        var span = _buffer.AsSpan(_start, length);
        _start += length;
        var digits = BinaryPrimitives.ReadInt16BigEndian(span);
        var weight = BinaryPrimitives.ReadInt16BigEndian(span[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(span[6..]);
        if (sign == 0xC000)
        {
            throw Broken("a numeric field is NaN");
        }
        // The digits as one integer, then placed: the last digit read has weight (weight − digits + 1) in base 10000.
        decimal value = 0;
        for (var i = 0; i < digits; i++)
        {
            value = value * 10000 + BinaryPrimitives.ReadInt16BigEndian(span[(8 + 2 * i)..]);
        }
        var exponent = digits == 0 ? 0 : 4 * (weight - digits + 1);
        for (; exponent > 0; exponent--)
        {
            value *= 10;
        }
        if (exponent < 0)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            value = new decimal(bits[0], bits[1], bits[2], false, (byte)-exponent);
        }
        // The stored display scale, as PostgreSQL prints it and Npgsql reads it (12.50 stays 12.50).
        var current = value.Scale;
        if (current > scale)
        {
            value = decimal.Round(value, scale);
        }
        else if (current < scale)
        {
            value *= Pow10Scaled(scale - current);
        }
        return sign == 0x4000 ? -value : value;
    }

    /// <summary>1 written with <paramref name="zeros"/> decimal places (1.00 for 2): multiplying by it adds scale only.</summary>
    private static decimal Pow10Scaled(int zeros)
    {
        decimal power = 1;
        for (var i = 0; i < zeros; i++)
        {
            power *= 10;
        }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(power, bits);
        return new decimal(bits[0], bits[1], bits[2], false, (byte)zeros);
    }

    private bool NullOr()
    {
        if (!IsNull)
        {
            return false;
        }
        Skip();
        return true;
    }

    private ReadOnlySpan<byte> Field(int size, string type)
    {
        var length = FieldLength();
        if (length != size)
        {
            throw Broken(length < 0 ? $"a {type} field is NULL where a value is required" : $"a {type} field has {length} bytes, not {size}");
        }
        Need(size);
        var span = _buffer.AsSpan(_start, size);
        _start += size;
        return span;
    }

    private int FieldLength()
    {
        if (_fieldsLeft <= 0)
        {
            throw new InvalidOperationException($"Row {_rows} of {_what} has no more fields.");
        }
        _fieldsLeft--;
        return Int32Raw();
    }

    private int Int32Raw()
    {
        Need(4);
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
        _start += 4;
        return value;
    }

    private string DecodeText(int length, StringPool? pool)
    {
        if (length == 0)
        {
            return "";
        }
        Need(length);
        var bytes = _buffer.AsSpan(_start, length);
        _start += length;
        if (pool is null || length > _chars.Length)
        {
            return Encoding.UTF8.GetString(bytes);
        }
        // At most one char per byte in UTF-8.
        var count = Encoding.UTF8.GetChars(bytes, _chars);
        return pool.Intern(_chars.AsSpan(0, count));
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <see cref="_start"/>.</summary>
    private void Need(int count)
    {
        if (_end - _start >= count)
        {
            return;
        }
        if (count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        }
        var kept = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
        _start = 0;
        _end = kept;
        while (_end < count)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                throw Broken("the data ended inside a row");
            }
            _end += read;
        }
    }

    private InvalidDataException Broken(string why) => new($"The binary export of {_what} cannot be read at row {_rows}: {why}.");
}
