using System.Globalization;

namespace ReliefMatch.Core.Periods;

/// <summary>A reporting month P (<c>--period 2023-07</c>): calendar dates in China Standard Time.</summary>
/// <remarks>In JSON a month is its text, <c>"2023-07"</c> (its <see cref="Previous"/> and <see cref="Next"/> would otherwise recurse without end).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(ReportingMonthJsonConverter))]
public readonly record struct ReportingMonth(int Year, int Month) : IComparable<ReportingMonth>
{
    public DateOnly First => new(Year, Month, 1);

    /// <summary>end(P): the last day of the month.</summary>
    public DateOnly Last => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>Whether <paramref name="date"/> falls in this month; false for no date.</summary>
    public bool Contains(DateOnly? date) => date is { } d && d.Year == Year && d.Month == Month;

    public ReportingMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public ReportingMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>Months as a single ordinal (year*12 + month-1): handy for storage and arithmetic.</summary>
    public int Ordinal => Year * 12 + Month - 1;

    public static ReportingMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    public static ReportingMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static ReportingMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");

    public static bool TryParse(string? text, out ReportingMonth month)
    {
        month = default;
        return text is not null && TryParse(text.AsSpan(), out month);
    }

    /// <summary>As <see cref="TryParse(string?, out ReportingMonth)"/>, on characters (a loader parses stored values without making strings).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ReportingMonth month)
    {
        month = default;
        var trimmed = text.Trim();
        if (trimmed.Length > 16)
        {
            return false;
        }
        Span<char> date = stackalloc char[trimmed.Length + 3];
        trimmed.CopyTo(date);
        "-01".AsSpan().CopyTo(date[trimmed.Length..]);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }
        month = new ReportingMonth(d.Year, d.Month);
        return true;
    }

    public int CompareTo(ReportingMonth other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(ReportingMonth a, ReportingMonth b) => a.Ordinal < b.Ordinal;
    public static bool operator >(ReportingMonth a, ReportingMonth b) => a.Ordinal > b.Ordinal;
    public static bool operator <=(ReportingMonth a, ReportingMonth b) => a.Ordinal <= b.Ordinal;
    public static bool operator >=(ReportingMonth a, ReportingMonth b) => a.Ordinal >= b.Ordinal;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
