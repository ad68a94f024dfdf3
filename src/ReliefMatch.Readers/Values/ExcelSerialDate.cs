namespace ReliefMatch.Readers.Values;

/// <summary>
/// Dates typed as numbers into spreadsheet cells that are not formatted as dates: an Excel serial day number
/// (1900 date system), or the digits <c>20230704</c> / <c>202307</c> that an officer typed and Excel kept as a number.
/// </summary>
internal static class ExcelSerialDate
{
    /// <summary>The serial of 2100-12-31; no 6- or 8-digit number is below it, so the readings cannot collide.</summary>
    private const int LastSerial = 73415;

    public static bool TryConvert(double value, out DateOnly date)
    {
        date = default;
        if (double.IsNaN(value) || value < 1 || value >= 100_000_000)
        {
            return false;
        }
        var whole = Math.Floor(value);
        if (whole == value && whole >= 10_000_000)
        {
            var n = (int)whole;
            return DateText.TryMake(n / 10000, n / 100 % 100, n % 100, out date);
        }
        if (whole == value && whole is >= 100_000 and < 1_000_000)
        {
            var n = (int)whole;
            return DateText.TryMake(n / 100, n % 100, 1, out date);
        }
        return whole <= LastSerial && TryFromSerial((int)whole, out date);
    }

    /// <summary>
    /// Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was (day 60), so days from 61 on
    /// are one more than the calendar says.
    /// </summary>
    public static bool TryFromSerial(int serial, out DateOnly date)
    {
        date = default;
        if (serial < 1 || serial == 60 || serial > LastSerial)
        {
            return false;
        }
        date = serial < 60 ? new DateOnly(1899, 12, 31).AddDays(serial) : new DateOnly(1899, 12, 30).AddDays(serial);
        return date.Year >= DateText.MinYear;
    }
}
