using System.Globalization;
using System.Text.RegularExpressions;

namespace ReliefMatch.Core.Periods;

/// <summary>
/// The month a file's name or title states its data is for: <c>_202307</c>, <c>2023-07</c>, <c>2023.7</c>,
/// <c>20230731</c>, <c>2023年7月</c>, <c>（2023年07月）</c>, full-width digits included. A file is stamped with that
/// month rather than with the day it happened to arrive, so that July's extracts dropped in August are July's.
/// </summary>
/// <remarks>
/// Only a whole run of digits counts (never a piece of a longer number), so a county code (<c>450326</c>), a
/// resident ID or a telephone number is never read as a month; a year outside 2000–2099 or a month outside 1–12 is
/// no month. A text that states two different months says nothing certain and gives none: the officer confirms it.
/// </remarks>
public static partial class StatedMonth
{
    /// <summary>The one month <paramref name="text"/> states; null when it states none, or more than one.</summary>
    public static ReportingMonth? Find(string? text)
    {
        var months = All(text);
        return months.Count == 1 ? months[0] : null;
    }

    /// <summary>The first of <paramref name="texts"/> that states exactly one month gives it (e.g. the file name, then its title).</summary>
    public static ReportingMonth? FindFirst(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (Find(text) is { } month)
            {
                return month;
            }
        }
        return null;
    }

    /// <summary>Every distinct month <paramref name="text"/> states, in the order they first appear.</summary>
    public static IReadOnlyList<ReportingMonth> All(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var normal = HalfWidth(text);
        var found = new List<(int At, ReportingMonth Month)>();
        foreach (Match m in Chinese().Matches(normal))
        {
            Add(found, m.Index, m.Groups["y"].Value, m.Groups["m"].Value);
        }
        foreach (Match m in Separated().Matches(normal))
        {
            Add(found, m.Index, m.Groups["y"].Value, m.Groups["m"].Value);
        }
        foreach (Match m in Compact().Matches(normal))
        {
            var digits = m.Value;
            if (digits.Length == 8 && !IsDate(digits))
            {
                continue;
            }
            Add(found, m.Index, digits[..4], digits[4..6]);
        }
        return found.OrderBy(f => f.At).Select(f => f.Month).Distinct().ToList();
    }

    private static void Add(List<(int, ReportingMonth)> found, int at, string year, string month)
    {
        var y = int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);
        var m = int.Parse(month, NumberStyles.None, CultureInfo.InvariantCulture);
        if (y is >= 2000 and <= 2099 && m is >= 1 and <= 12)
        {
            found.Add((at, new ReportingMonth(y, m)));
        }
    }

    private static bool IsDate(string digits) =>
        DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Full-width digits (０–９) as ASCII, so that a name typed with a Chinese input method reads the same.</summary>
    private static string HalfWidth(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９'))
        {
            return text;
        }
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;
            }
        });
    }

    /// <summary><c>2023年7月</c>, <c>2023 年 07 月</c>: four digits not preceded by a digit, 年, one or two digits, 月.</summary>
    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月", RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    /// <summary><c>2023-07</c>, <c>2023.7</c>, <c>2023_07</c>, <c>2023/07</c> (a full date <c>2023-07-31</c> included): whole digit runs only.</summary>
    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})[-._/](?<m>[0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    /// <summary><c>202307</c> or <c>20230731</c>: a run of exactly six or eight digits.</summary>
    [GeneratedRegex(@"(?<![0-9])([0-9]{8}|[0-9]{6})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
