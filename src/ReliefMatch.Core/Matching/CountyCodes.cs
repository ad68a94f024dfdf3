namespace ReliefMatch.Core.Matching;

/// <summary>
/// County codes as they occur in roster extracts: the six-digit code (450326), sometimes a longer statistical
/// code that starts with it (450326101 for a township, 450326101201 for a village).
/// </summary>
public static class CountyCodes
{
    /// <summary>
    /// Whether <paramref name="code"/> names the county <paramref name="county"/> (six digits) or a place inside
    /// it. A blank code is the home county's: docs/sources.md makes the home county the default.
    /// </summary>
    public static bool IsIn(string? code, string county)
    {
        var span = code.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return true;
        }
        if (span.Length == county.Length)
        {
            return span.SequenceEqual(county);
        }
        if (span.Length < county.Length || !span.StartsWith(county, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in span[county.Length..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The county part of a code: its first six digits when it is a longer all-digit code, else the trimmed
    /// code; a blank code is <paramref name="home"/>.
    /// </summary>
    public static string County(string? code, string home)
    {
        var span = code.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return home;
        }
        if (span.Length > 6)
        {
            foreach (var c in span)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return span.ToString();
                }
            }
            return span[..6].ToString();
        }
        return span.Length == (code?.Length ?? 0) ? code ?? "" : span.ToString();
    }
}
