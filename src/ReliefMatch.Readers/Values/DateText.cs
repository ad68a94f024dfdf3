namespace ReliefMatch.Readers.Values;

/// <summary>
/// Reads the date spellings of docs/sources.md ("Dates"): <c>2023-07-04</c>, <c>2023/7/4</c>, <c>20230704</c>,
/// <c>2023年7月4日</c>, <c>2023.07.04</c>, a date-time (<c>2023-07-04 14:30</c>, <c>2023/7/4 14:30:00</c>), and a month
/// alone (<c>2023-07</c>, <c>2023年7月</c>, <c>202307</c>), which means its first day.
/// </summary>
/// <remarks>
/// Hand-written rather than a format list for <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>:
/// it runs once per date cell of every row, and the culture-free scan neither allocates nor depends on the
/// machine's culture. The time of a date-time is ignored: dates are calendar dates.
/// </remarks>
internal static class DateText
{
    /// <summary>The years a date in an extract may have; anything outside is a typing error, not a date.</summary>
    public const int MinYear = 1850;
    public const int MaxYear = 2100;

    /// <param name="text">The trimmed cell text.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var i = 0;
        ReadDigits(text, ref i, out var first, out var count);
        switch (count)
        {
            case 8 when IsTimeTail(text[i..]):
                return TryMake((int)(first / 10000), (int)(first / 100 % 100), (int)(first % 100), out date);
            case 12 or 14 when i == text.Length:
                // yyyyMMddHHmm[ss]: a timestamp written without separators.
                var ymd = first / (count == 12 ? 10_000 : 1_000_000);
                return TryMake((int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100), out date);
            case 6 when i == text.Length:
                return TryMake((int)(first / 100), (int)(first % 100), 1, out date);
            case 4:
                break;
            default:
                return false;
        }
        var year = (int)first;
        if (i == text.Length)
        {
            return false;
        }
        var separator = TextFolding.Fold(text[i++]);
        if (separator is not ('-' or '/' or '.' or '年'))
        {
            return false;
        }
        ReadDigits(text, ref i, out var month, out count);
        if (count is < 1 or > 2)
        {
            return false;
        }
        if (separator == '年')
        {
            if (i == text.Length || text[i] != '月')
            {
                return false;
            }
            i++;
        }
        if (i == text.Length)
        {
            return TryMake(year, (int)month, 1, out date);
        }
        if (separator != '年')
        {
            if (TextFolding.Fold(text[i]) != separator)
            {
                return false;
            }
            i++;
        }
        ReadDigits(text, ref i, out var day, out count);
        if (count is < 1 or > 2)
        {
            return false;
        }
        if (separator == '年' && i < text.Length && text[i] is '日' or '号')
        {
            i++;
        }
        return IsTimeTail(text[i..]) && TryMake(year, (int)month, (int)day, out date);
    }

    public static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        if (year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>Nothing, or a time of day after a space or <c>T</c> (<c>14:30</c>, <c>14:30:00.000</c>, <c>14时30分</c>).</summary>
    private static bool IsTimeTail(ReadOnlySpan<char> tail)
    {
        if (tail.IsEmpty)
        {
            return true;
        }
        if (!(char.IsWhiteSpace(tail[0]) || tail[0] == 'T'))
        {
            return false;
        }
        var digits = 0;
        foreach (var c0 in tail[1..])
        {
            var c = TextFolding.Fold(c0);
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ':' or '.' or '+' or '-' or 'Z' or '时' or '分' or '秒' || char.IsWhiteSpace(c)))
            {
                return false;
            }
        }
        return digits > 0;
    }

    private static void ReadDigits(ReadOnlySpan<char> text, ref int i, out long value, out int count)
    {
        value = 0;
        count = 0;
        while (i < text.Length && TextFolding.TryDigit(text[i], out var d))
        {
            if (count < 18)
            {
                value = value * 10 + d;
            }
            count++;
            i++;
        }
    }
}
