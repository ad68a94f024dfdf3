using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData.Output;

/// <summary>Writes dates, amounts and numbers into character spans: no culture, no allocation.</summary>
internal static class TextFormats
{
    /// <summary>Day 0 of Excel's serial numbers as they count for every date after February 1900.</summary>
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    public const int MaxDateLength = 20;
    public const int MaxMoneyLength = 32;

    public static int ExcelSerial(int dayNumber) => dayNumber - ExcelEpoch;

    // yyyyMMdd of every day a sample can hold: looked up, not computed, for every date of every row.
    private static readonly int TableFirst = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly int[] YearMonthDay = BuildTable();

    private static int[] BuildTable()
    {
        var last = new DateOnly(2050, 12, 31).DayNumber;
        var table = new int[last - TableFirst + 1];
        for (var day = TableFirst; day <= last; day++)
        {
            DateOnly.FromDayNumber(day).Deconstruct(out var y, out var m, out var d);
            table[day - TableFirst] = y * 10000 + m * 100 + d;
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteDate(Span<char> destination, int dayNumber, DateForm form, int minuteOfDay)
    {
        int y, m, d;
        var index = dayNumber - TableFirst;
        if ((uint)index < (uint)YearMonthDay.Length)
        {
            var ymd = YearMonthDay[index];
            y = ymd / 10000;
            m = ymd / 100 % 100;
            d = ymd % 100;
        }
        else
        {
            DateOnly.FromDayNumber(dayNumber).Deconstruct(out y, out m, out d);
        }
        var n = 0;
        switch (form)
        {
            case DateForm.Slash:
            case DateForm.SlashSeconds:
                n = Digits(destination, y, 4);
                destination[n++] = '/';
                n += Number(destination[n..], m);
                destination[n++] = '/';
                n += Number(destination[n..], d);
                if (form == DateForm.SlashSeconds)
                {
                    destination[n++] = ' ';
                    n += Number(destination[n..], minuteOfDay / 60);
                    destination[n++] = ':';
                    n += Digits(destination[n..], minuteOfDay % 60, 2);
                    destination[n++] = ':';
                    n += Digits(destination[n..], 0, 2);
                }
                return n;
            case DateForm.Compact:
                n = Digits(destination, y, 4);
                n += Digits(destination[n..], m, 2);
                return n + Digits(destination[n..], d, 2);
            case DateForm.Chinese:
                n = Digits(destination, y, 4);
                destination[n++] = '年';
                n += Number(destination[n..], m);
                destination[n++] = '月';
                n += Number(destination[n..], d);
                destination[n++] = '日';
                return n;
            case DateForm.Dotted:
                n = Digits(destination, y, 4);
                destination[n++] = '.';
                n += Digits(destination[n..], m, 2);
                destination[n++] = '.';
                return n + Digits(destination[n..], d, 2);
            case DateForm.Month:
                n = Digits(destination, y, 4);
                destination[n++] = '-';
                return n + Digits(destination[n..], m, 2);
            case DateForm.ChineseMonth:
                n = Digits(destination, y, 4);
                destination[n++] = '年';
                n += Number(destination[n..], m);
                destination[n++] = '月';
                return n;
            case DateForm.CompactMonth:
                n = Digits(destination, y, 4);
                return n + Digits(destination[n..], m, 2);
            default:
                n = Digits(destination, y, 4);
                destination[n++] = '-';
                n += Digits(destination[n..], m, 2);
                destination[n++] = '-';
                n += Digits(destination[n..], d, 2);
                if (form is DateForm.IsoMinutes or DateForm.IsoMidnight)
                {
                    var minutes = form == DateForm.IsoMidnight ? 0 : minuteOfDay;
                    destination[n++] = ' ';
                    n += Digits(destination[n..], minutes / 60, 2);
                    destination[n++] = ':';
                    n += Digits(destination[n..], minutes % 60, 2);
                    if (form == DateForm.IsoMidnight)
                    {
                        destination[n++] = ':';
                        n += Digits(destination[n..], 0, 2);
                    }
                }
                return n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteMoney(Span<char> destination, long cents, MoneyForm form)
    {
        var n = 0;
        if (cents < 0)
        {
            destination[n++] = '-';
            cents = -cents;
        }
        switch (form)
        {
            case MoneyForm.FullWidthYen:
                destination[n++] = '￥';
                return n + Amount(destination[n..], cents, thousands: true, trim: false);
            case MoneyForm.Yen:
                destination[n++] = '¥';
                return n + Amount(destination[n..], cents, thousands: false, trim: true);
            case MoneyForm.Thousands:
                return n + Amount(destination[n..], cents, thousands: true, trim: false);
            case MoneyForm.Yuan:
                n += Amount(destination[n..], cents, thousands: false, trim: false);
                destination[n++] = '元';
                return n;
            case MoneyForm.Short:
                return n + Amount(destination[n..], cents, thousands: false, trim: true);
            default:
                return n + Amount(destination[n..], cents, thousands: false, trim: false);
        }
    }

    /// <summary>The amount as an XML number for a numeric cell: 1234.5, 1234.</summary>
    public static string MoneyNumber(long cents)
    {
        Span<char> buffer = stackalloc char[MaxMoneyLength];
        return new string(buffer[..WriteMoney(buffer, cents, MoneyForm.Short)]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Amount(Span<char> destination, long cents, bool thousands, bool trim)
    {
        var yuan = cents / 100;
        var fraction = (int)(cents % 100);
        var n = 0;
        if (thousands && yuan >= 1000)
        {
            // Group from the left: 1234567 → 1,234,567.
            Span<char> digits = stackalloc char[20];
            var count = Integer(digits, yuan);
            var lead = count % 3 == 0 ? 3 : count % 3;
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && (i - lead) % 3 == 0)
                {
                    destination[n++] = ',';
                }
                destination[n++] = digits[i];
            }
        }
        else
        {
            n = Integer(destination, yuan);
        }
        if (trim && fraction == 0)
        {
            return n;
        }
        destination[n++] = '.';
        destination[n++] = (char)('0' + fraction / 10);
        if (trim && fraction % 10 == 0)
        {
            return n;
        }
        destination[n++] = (char)('0' + fraction % 10);
        return n;
    }

    /// <summary>A non-negative integer without leading zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Integer(Span<char> destination, long value)
    {
        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }
        var length = 0;
        for (var v = value; v > 0; v /= 10)
        {
            length++;
        }
        for (var i = length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        return length;
    }

    private static int Number(Span<char> destination, int value) => Integer(destination, value);

    /// <summary>Exactly <paramref name="width"/> digits, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Digits(Span<char> destination, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
        return width;
    }
}
