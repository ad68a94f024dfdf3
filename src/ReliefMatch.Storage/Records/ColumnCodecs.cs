using System.Text;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// How one kind of value is kept in a record table: its PostgreSQL type (the <c>udt_name</c> the schema reports),
/// whether the column takes NULL, how a value is written into a binary COPY and read back from one, and what the
/// value read back is without the round trip (<see cref="Stored"/>). A column is made of one codec, so its type, its
/// nullability, its writer, its reader and its stored form cannot disagree.
/// </summary>
/// <remarks>Static and on structs, so that a column's generic code is compiled for its codec and calls it directly.</remarks>
internal interface IColumnCodec<TValue>
{
    static abstract string Type { get; }

    static abstract bool Nullable { get; }

    static abstract void Write(CopyRowWriter w, TValue value);

    static abstract TValue Read(CopyRowReader r, StringPool pool);

    /// <summary>
    /// The value <see cref="Read"/> gives back from what <see cref="Write"/> wrote of <paramref name="value"/>, without
    /// the bytes: what a record kept in memory from its import must hold to be the record the load reads back.
    /// </summary>
    static abstract TValue Stored(TValue value, StringPool pool);
}

/// <summary>The codecs of the types the typed record tables use.</summary>
internal static class ColumnCodecs
{
    public readonly struct Int64 : IColumnCodec<long>
    {
        public static string Type => "int8";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, long value) => w.Int64(value);
        public static long Read(CopyRowReader r, StringPool pool) => r.Int64();
        public static long Stored(long value, StringPool pool) => value;
    }

    public readonly struct NullableInt64 : IColumnCodec<long?>
    {
        public static string Type => "int8";
        public static bool Nullable => true;

        public static void Write(CopyRowWriter w, long? value)
        {
            if (value is { } v)
            {
                w.Int64(v);
            }
            else
            {
                w.Null();
            }
        }

        public static long? Read(CopyRowReader r, StringPool pool) => r.NullableInt64();
        public static long? Stored(long? value, StringPool pool) => value;
    }

    public readonly struct Int32 : IColumnCodec<int>
    {
        public static string Type => "int4";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, int value) => w.Int32(value);
        public static int Read(CopyRowReader r, StringPool pool) => r.Int32();
        public static int Stored(int value, StringPool pool) => value;
    }

    public readonly struct Int16 : IColumnCodec<short>
    {
        public static string Type => "int2";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, short value) => w.Int16(value);
        public static short Read(CopyRowReader r, StringPool pool) => r.Int16();
        public static short Stored(short value, StringPool pool) => value;
    }

    public readonly struct NullableInt16 : IColumnCodec<short?>
    {
        public static string Type => "int2";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, short? value) => w.NullableInt16(value);
        public static short? Read(CopyRowReader r, StringPool pool) => r.NullableInt16();
        public static short? Stored(short? value, StringPool pool) => value;
    }

    public readonly struct Boolean : IColumnCodec<bool>
    {
        public static string Type => "bool";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, bool value) => w.Boolean(value);
        public static bool Read(CopyRowReader r, StringPool pool) => r.Boolean();
        public static bool Stored(bool value, StringPool pool) => value;
    }

    public readonly struct NullableBoolean : IColumnCodec<bool?>
    {
        public static string Type => "bool";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, bool? value) => w.NullableBoolean(value);
        public static bool? Read(CopyRowReader r, StringPool pool) => r.NullableBoolean();
        public static bool? Stored(bool? value, StringPool pool) => value;
    }

    public readonly struct Date : IColumnCodec<DateOnly>
    {
        public static string Type => "date";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, DateOnly value) => w.Date(value);
        public static DateOnly Read(CopyRowReader r, StringPool pool) => r.Date();
        public static DateOnly Stored(DateOnly value, StringPool pool) => value;
    }

    public readonly struct NullableDate : IColumnCodec<DateOnly?>
    {
        public static string Type => "date";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, DateOnly? value) => w.NullableDate(value);
        public static DateOnly? Read(CopyRowReader r, StringPool pool) => r.NullableDate();
        public static DateOnly? Stored(DateOnly? value, StringPool pool) => value;
    }

    public readonly struct Numeric : IColumnCodec<decimal>
    {
        public static string Type => "numeric";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, decimal value) => w.Numeric(value);
        public static decimal Read(CopyRowReader r, StringPool pool) => r.Numeric();

        /// <summary>The same digits and scale; a numeric zero has no sign, so -0 comes back as 0.</summary>
        public static decimal Stored(decimal value, StringPool pool) => value == 0 && decimal.IsNegative(value) ? -value : value;
    }

    public readonly struct NullableNumeric : IColumnCodec<decimal?>
    {
        public static string Type => "numeric";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, decimal? value) => w.NullableNumeric(value);
        public static decimal? Read(CopyRowReader r, StringPool pool) => r.NullableNumeric();
        public static decimal? Stored(decimal? value, StringPool pool) => value is { } v ? Numeric.Stored(v, pool) : null;
    }

    /// <summary>A text that repeats across rows (a township, a code): read back through the load's pool.</summary>
    public readonly struct Text : IColumnCodec<string>
    {
        public static string Type => "text";
        public static bool Nullable => false;
        public static void Write(CopyRowWriter w, string value) => w.Text(StoredCodes.Clean(value));
        public static string Read(CopyRowReader r, StringPool pool) => r.Text(pool);
        public static string Stored(string value, StringPool pool) => pool.Intern(Unpooled(value));

        /// <summary>
        /// A text as a text column gives it back: without NUL (<see cref="StoredCodes.Clean"/>), and with an unpaired
        /// surrogate as U+FFFD, since the COPY encodes UTF-8 with replacement.
        /// </summary>
        public static string Unpooled(string value)
        {
            var stored = StoredCodes.Clean(value);
            return stored.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(stored)) : stored;
        }
    }

    /// <summary>A text that may be missing and repeats across rows.</summary>
    public readonly struct NullableText : IColumnCodec<string?>
    {
        public static string Type => "text";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, string? value) => w.NullableText(value is null ? null : StoredCodes.Clean(value));
        public static string? Read(CopyRowReader r, StringPool pool) => r.NullableText(pool);
        public static string? Stored(string? value, StringPool pool) => value is null ? null : Text.Stored(value, pool);
    }

    /// <summary>A text that may be missing and is nearly unique per row (a certificate number): not pooled, which would only grow the pool.</summary>
    public readonly struct UniqueText : IColumnCodec<string?>
    {
        public static string Type => "text";
        public static bool Nullable => true;
        public static void Write(CopyRowWriter w, string? value) => NullableText.Write(w, value);
        public static string? Read(CopyRowReader r, StringPool pool) => r.NullableText(null);
        public static string? Stored(string? value, StringPool pool) => value is null ? null : Text.Unpooled(value);
    }
}
