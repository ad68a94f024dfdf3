namespace ReliefMatch.Core.Places;

/// <summary>
/// The known names a mistyped name was most likely meant to be (<c>苏乔镇</c> → <c>苏桥镇</c>): edit distance counted
/// in characters (Unicode scalar values, so a character outside the Basic Multilingual Plane counts once), compared
/// ordinally. Used to refuse a place nobody knows with a suggestion instead of accepting it silently.
/// </summary>
public static class NearSpellings
{
    /// <summary>
    /// The known names within a small distance of <paramref name="name"/>, nearest first, then in ordinal order:
    /// one character different for names of up to three characters, two for longer ones (a name missing its
    /// 镇 or 乡, one wrong character, two swapped).
    /// </summary>
    public static IReadOnlyList<string> Of(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var typed = Characters(name);
        var allowed = typed.Length <= 3 ? 1 : 2;
        return known
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Distance: Distance(typed, Characters(k))))
            .Where(k => k.Distance <= allowed)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => k.Name)
            .ToList();
    }

    /// <summary>The edit distance (insertions, deletions, substitutions, swaps of neighbours) between two texts, in characters.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Distance(Characters(a), Characters(b));
    }

    private static int[] Characters(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();

    // Optimal string alignment: Levenshtein plus the swap of two neighbouring characters (颠倒 typed as 倒颠).
    private static int Distance(int[] a, int[] b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }
}
