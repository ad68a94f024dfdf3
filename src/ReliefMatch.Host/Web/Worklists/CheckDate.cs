using System.Globalization;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// 核查日期 as townships write it: <c>2023-08-05</c>, <c>2023/8/5</c>, <c>2023.8.5</c>, <c>20230805</c>,
/// <c>2023年8月5日</c>, with or without a time after it.
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
}
