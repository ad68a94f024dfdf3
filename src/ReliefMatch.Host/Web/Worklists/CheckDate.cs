using System.Globalization;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// 核查日期 as townships write it: <c>2023-08-05</c>, <c>2023/8/5</c>, <c>2023.8.5</c>, <c>20230805</c>,
/// <c>2023年8月5日</c>, with or without a time after it; and what a 核查日期 may be, wherever it is given (a returned
/// file or the page's date picker): a real date, not after today, not before the month the finding was raised in.
/// </summary>
public static class CheckDate
{
    private static readonly string[] Formats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss",
    ];

    public static bool TryParse(string text, out DateOnly date)
    {
        var t = text.Trim();
        if (DateTime.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>
    /// Reads a 核查日期 for a finding first raised in <paramref name="findingMonth"/>: the date, or null for an empty
    /// text, or the reason (Chinese) it is refused.
    /// </summary>
    public static (DateOnly? Date, string? Problem) Validate(string text, ReportingMonth findingMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
        {
            return (null, null);
        }
        if (!TryParse(text, out var date))
        {
            return (null, $"核查日期“{text.Trim()}”无法识别（请写成 2023-08-05）。");
        }
        if (date > today)
        {
            return (null, $"核查日期 {Text(date)} 晚于今天。");
        }
        if (date < findingMonth.First)
        {
            return (null, $"核查日期 {Text(date)} 早于预警所属月份 {findingMonth}。");
        }
        return (date, null);
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
