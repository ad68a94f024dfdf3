using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData.People;

/// <summary>
/// Writes resident IDs from their keys, and the wrong forms people and programs make of them: a wrong check
/// character, a mistyped digit, two swapped digits, the 15-digit legacy form and Excel's rounding.
/// </summary>
internal static class ResidentIdText
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Writes the 18 characters (digits and the check character computed on the way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(long key, Span<char> destination)
    {
        if (destination.Length < 18)
        {
            throw new ArgumentException("An ID needs 18 characters.", nameof(destination));
        }
        // Two int halves: 8 digits and 9 digits, cheaper to divide than a long.
        var high = (int)(key / 1_000_000_000);
        var low = (int)(key % 1_000_000_000);
        var sum = 0;
        for (var i = 16; i >= 8; i--)
        {
            var digit = low % 10;
            low /= 10;
            destination[i] = (char)('0' + digit);
            sum += digit * Weights[i];
        }
        for (var i = 7; i >= 0; i--)
        {
            var digit = high % 10;
            high /= 10;
            destination[i] = (char)('0' + digit);
            sum += digit * Weights[i];
        }
        destination[17] = CheckCharacters[sum % 11];
    }

    public static string ToString(long key)
    {
        Span<char> buffer = stackalloc char[18];
        Write(key, buffer);
        return new string(buffer);
    }

    public static bool IsMale(long key) => (key & 1) == 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly BirthDate(long key)
    {
        var ymd = (int)(key / 1000 % 100_000_000);
        return new DateOnly(ymd / 10000, ymd / 100 % 100, ymd % 100);
    }

    public static int BirthDay(long key) => BirthDate(key).DayNumber;

    /// <summary>The same ID with another check character: what a typing slip in the last place gives.</summary>
    public static char WrongCheck(long key, int shift)
    {
        Span<char> id = stackalloc char[18];
        Write(key, id);
        var right = CheckCharacters.IndexOf(id[17], StringComparison.Ordinal);
        return CheckCharacters[(right + 1 + shift % 10) % 11];
    }

    /// <summary>Can the person still hold a 15-digit ID? Those were issued until 1999, so only to the older.</summary>
    public static bool HasLegacyForm(long key) => BirthDate(key).Year is >= 1900 and <= 1980;

    /// <summary>6 address digits + yyMMdd + 3 sequence digits, as issued before 1999.</summary>
    public static string Legacy15(long key)
    {
        var address = key / 100_000_000_000L;
        var ymd = key / 1000 % 100_000_000;
        var sequence = key % 1000;
        return $"{address:D6}{ymd % 1_000_000:D6}{sequence:D3}";
    }

    /// <summary>
    /// The ID with one digit of the sequence or birth day mistyped (<paramref name="swap"/> false) or two
    /// adjacent differing digits there swapped; either way the check character no longer fits, and the date
    /// stays possible so that repair by one change finds the person.
    /// </summary>
    public static string Mistyped(long key, bool swap, ref SampleRandom random)
    {
        Span<char> id = stackalloc char[18];
        Write(key, id);
        if (swap)
        {
            // Positions 14..16 are the sequence: any adjacent pair there is safe to swap.
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var i = 14 + random.Next(2);
                if (id[i] != id[i + 1])
                {
                    (id[i], id[i + 1]) = (id[i + 1], id[i]);
                    return new string(id);
                }
            }
            // All sequence digits equal (e.g. 555): fall back to a changed digit.
        }
        var at = 14 + random.Next(3);
        var digit = id[at] - '0';
        id[at] = (char)('0' + (digit + 1 + random.Next(9)) % 10);
        return new string(id);
    }

    /// <summary>What Excel keeps of the ID stored as a number: 15 significant digits.</summary>
    public static double ExcelNumber(long key)
    {
        Span<char> id = stackalloc char[18];
        Write(key, id);
        var fifteen = long.Parse(id[..15], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        return fifteen * 1000.0;
    }
}
