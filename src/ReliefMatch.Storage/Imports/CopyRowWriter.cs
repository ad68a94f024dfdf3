using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Npgsql;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Writes the rows of a <c>COPY … FROM STDIN (FORMAT BINARY)</c> straight into the raw stream: a field count per row,
/// then per field a length (−1 for NULL) and the value in PostgreSQL's binary receive format, encoded into a buffer.
/// The general-purpose importer resolves a parameter and its type for every value; at province scale (16 million
/// rows of 11–24 columns) that was a third of the import's processor time. The counterpart of the loader's reader.
/// </summary>
/// <remarks>
/// Handles the types the record and finding tables use: bigint, integer, smallint, boolean, date, timestamptz, numeric,
/// text, text[] and jsonb.
/// <see cref="Complete"/> ends the COPY; disposing without it cancels the COPY, so nothing of the file is kept.
/// </remarks>
internal sealed class CopyRowWriter : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[FlushAt * 2];
    private int _length;
    private int _fieldsLeft;
    private bool _completed;

    private CopyRowWriter(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        // The signature, then no flags and no header extension.
        BinaryCopy.Signature.CopyTo(_buffer);
        _length = BinaryCopy.Signature.Length + 8;
    }

    /// <summary>Starts the COPY <paramref name="copyCommand"/> (binary format, from STDIN) on <paramref name="connection"/>.</summary>
    public static async Task<CopyRowWriter> BeginAsync(NpgsqlConnection connection, string copyCommand, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(copyCommand, cancellationToken).ConfigureAwait(false));

    /// <summary>Starts a row of <paramref name="fields"/> fields; the previous row must be complete.</summary>
    public void StartRow(int fields)
    {
        if (_fieldsLeft != 0)
        {
            throw new InvalidOperationException($"The previous row was left with {_fieldsLeft} field(s) unwritten.");
        }
        if (_length >= FlushAt)
        {
            Flush();
        }
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), checked((short)fields));
        _fieldsLeft = fields;
    }

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Field(4), -1);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Value(8), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Value(4), value);

    public void Int16(short value) => BinaryPrimitives.WriteInt16BigEndian(Value(2), value);

    public void Boolean(bool value) => Value(1)[0] = value ? (byte)1 : (byte)0;

    public void Date(DateOnly value) => BinaryPrimitives.WriteInt32BigEndian(Value(4), value.DayNumber - BinaryCopy.Epoch.DayNumber);

    /// <summary>A timestamptz: microseconds since the epoch's midnight, UTC.</summary>
    public void TimestampTz(DateTimeOffset value) =>
        BinaryPrimitives.WriteInt64BigEndian(Value(8), (value.UtcTicks - BinaryCopy.Epoch.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks) / TimeSpan.TicksPerMicrosecond);

    public void NullableInt16(short? value)
    {
        if (value is { } v)
        {
            Int16(v);
        }
        else
        {
            Null();
        }
    }

    public void NullableBoolean(bool? value)
    {
        if (value is { } v)
        {
            Boolean(v);
        }
        else
        {
            Null();
        }
    }

    public void NullableDate(DateOnly? value)
    {
        if (value is { } v)
        {
            Date(v);
        }
        else
        {
            Null();
        }
    }

    public void NullableNumeric(decimal? value)
    {
        if (value is { } v)
        {
            Numeric(v);
        }
        else
        {
            Null();
        }
    }

    public void NullableText(string? value)
    {
        if (value is null)
        {
            Null();
        }
        else
        {
            Text(value);
        }
    }

    public void Text(string value)
    {
        var span = Field(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _length -= span.Length - 4 - written;
    }

    /// <summary>A jsonb value: the format version (1), then the JSON text.</summary>
    public void Jsonb(string json)
    {
        var span = Field(5 + Encoding.UTF8.GetMaxByteCount(json.Length));
        span[4] = 1;
        var written = Encoding.UTF8.GetBytes(json, span[5..]);
        BinaryPrimitives.WriteInt32BigEndian(span, 1 + written);
        _length -= span.Length - 5 - written;
    }

    /// <summary>A one-dimensional text[] (empty when <paramref name="values"/> is); a null element is a NULL of the array.</summary>
    public void TextArray(IReadOnlyList<string?> values)
    {
        const int TextOid = 25;
        var size = 12 + (values.Count == 0 ? 0 : 8);
        var hasNull = false;
        foreach (var v in values)
        {
            size += 4 + (v is null ? 0 : Encoding.UTF8.GetMaxByteCount(v.Length));
            hasNull |= v is null;
        }
        var span = Field(4 + size);
        var at = 4;
        BinaryPrimitives.WriteInt32BigEndian(span[at..], values.Count == 0 ? 0 : 1);
        BinaryPrimitives.WriteInt32BigEndian(span[(at + 4)..], hasNull ? 1 : 0);
        BinaryPrimitives.WriteInt32BigEndian(span[(at + 8)..], TextOid);
        at += 12;
        if (values.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[at..], values.Count);
            BinaryPrimitives.WriteInt32BigEndian(span[(at + 4)..], 1);
            at += 8;
        }
        foreach (var v in values)
        {
            if (v is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
                at += 4;
                continue;
            }
            var written = Encoding.UTF8.GetBytes(v, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], written);
            at += 4 + written;
        }
        BinaryPrimitives.WriteInt32BigEndian(span, at - 4);
        _length -= span.Length - at;
    }

    /// <summary>A decimal as PostgreSQL's numeric: base-10000 digits, the weight of the first, a sign and the display scale.</summary>
    public void Numeric(decimal value)
    {
        Span<char> text = stackalloc char[40];
        if (!Math.Abs(value).TryFormat(text, out var length, "F" + value.Scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The amount {value} cannot be written.");
        }
        var digits = text[..length];
        var point = digits.IndexOf('.');
        var integer = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        // Groups of four decimal digits: the integer part aligned at the point leftwards, the fraction rightwards.
        var integerGroups = (integer.Length + 3) / 4;
        var fractionGroups = (fraction.Length + 3) / 4;
        Span<short> groups = stackalloc short[integerGroups + fractionGroups];
        for (var g = 0; g < integerGroups; g++)
        {
            var end = integer.Length - (integerGroups - 1 - g) * 4;
            groups[g] = Group(integer[Math.Max(0, end - 4)..end]);
        }
        for (var g = 0; g < fractionGroups; g++)
        {
            var start = g * 4;
            var piece = fraction[start..Math.Min(fraction.Length, start + 4)];
            var group = Group(piece);
            for (var pad = piece.Length; pad < 4; pad++)
            {
                group = (short)(group * 10);
            }
            groups[integerGroups + g] = group;
        }
        var first = 0;
        while (first < groups.Length && groups[first] == 0)
        {
            first++;
        }
        var last = groups.Length - 1;
        while (last >= first && groups[last] == 0)
        {
            last--;
        }
        var count = last - first + 1;
        var weight = count == 0 ? 0 : integerGroups - 1 - first;
        var span = Value(8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(span, (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[2..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], value < 0 && count > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)value.Scale);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(8 + 2 * i)..], groups[first + i]);
        }
    }

    /// <summary>Ends the COPY: every row written is kept (once the caller's transaction commits).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_fieldsLeft != 0)
        {
            throw new InvalidOperationException($"The last row was left with {_fieldsLeft} field(s) unwritten.");
        }
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
        _completed = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await _stream.CancelAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static short Group(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = value * 10 + (c - '0');
        }
        return (short)value;
    }

    /// <summary>A field of exactly <paramref name="size"/> bytes: its length, then the returned span for the value.</summary>
    private Span<byte> Value(int size)
    {
        var span = Field(4 + size);
        BinaryPrimitives.WriteInt32BigEndian(span, size);
        return span[4..];
    }

    private Span<byte> Field(int bytes)
    {
        if (_fieldsLeft <= 0)
        {
            throw new InvalidOperationException("A row was given more fields than it was started with.");
        }
        _fieldsLeft--;
        return Reserve(bytes);
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
        var span = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
