using System.Globalization;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Benchmarks;

/// <summary>Valid resident ID numbers of made-up people, reproducible from a seed.</summary>
public static class SyntheticIds
{
    /// <summary>An 18-character ID of 永福县 (450326) born between 1935 and 2012; the check character is computed.</summary>
    public static string Next(Random random)
    {
        var birth = new DateOnly(1935, 1, 1).AddDays(random.Next(0, 78 * 365));
        var key = 450326L * 100_000_000_000L
                  + (birth.Year * 10_000L + birth.Month * 100 + birth.Day) * 1000
                  + random.Next(0, 1000);
        return key.ToString("D17", CultureInfo.InvariantCulture) + ResidentIdParser.CheckCharacter(key);
    }

    /// <summary>A valid ID whose check character is X, for the lower-case x variant.</summary>
    public static string NextWithX(Random random)
    {
        while (true)
        {
            var id = Next(random);
            if (id[17] == 'X')
            {
                return id;
            }
        }
    }
}
