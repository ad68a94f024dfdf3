namespace ReliefMatch.Core.Identity;

/// <summary>
/// Normalises and validates resident ID numbers as they appear in departmental extracts (docs/sources.md).
/// Pure and allocation-light: it runs once per row of every extract.
/// </summary>
public static class ResidentIdParser
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The ISO 7064 MOD 11-2 check character for the 17-digit key.</summary>
    public static char CheckCharacter(long key)
    {
        var sum = 0;
        for (var i = 16; i >= 0; i--)
        {
            sum += (int)(key % 10) * Weights[i];
            key /= 10;
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses a text cell.</summary>
    public static ParsedId Parse(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = stackalloc char[24];
        var length = 0;
        var sawExponent = false;
        var sawDot = false;
        foreach (var c0 in raw)
        {
            var c = Fold(c0);
            if (c is ' ' or '\t' or '\'' or '"' or '\u00A0' or '\u3000' or '\r' or '\n' or '=' or '\u200B' or '\uFEFF')
            {
                continue;
            }
            if (c is 'E' or 'e' && length > 0)
            {
                sawExponent = true;
            }
            if (c == '.')
            {
                sawDot = true;
            }
            if (c == 'x')
            {
                c = 'X';
            }
            if (length == buffer.Length)
            {
                return new ParsedId(raw.Trim().ToString(), null, IdProblem.WrongLength);
            }
            buffer[length++] = c;
        }
        var text = buffer[..length];
        if (length == 0)
        {
            return ParsedId.Missing;
        }
        if (sawExponent && (sawDot || text.Contains('+')))
        {
            // 4.50326E+17: the scientific form Excel shows for a number it would not keep.
            return new ParsedId(text.ToString(), null, IdProblem.ExcelDamaged);
        }
        if (length == 15 && IsAllDigits(text))
        {
            return Upgrade15(text);
        }
        if (length != 18)
        {
            return new ParsedId(text.ToString(), null, IsAllDigitsOrX(text) ? IdProblem.WrongLength : IdProblem.NotDigits);
        }
        if (!IsAllDigits(text[..17]) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return new ParsedId(text.ToString(), null, IdProblem.NotDigits);
        }
        var key = long.Parse(text[..17], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        var normalised = text.ToString();
        if (!HasPossibleBirthDate(key))
        {
            return new ParsedId(normalised, null, IdProblem.ImpossibleBirthDate);
        }
        if (CheckCharacter(key) != text[17])
        {
            // Excel keeps 15 significant digits and pads with zeros: 450326198001011000.
            var excel = text[15..].SequenceEqual("000");
            return new ParsedId(normalised, null, excel ? IdProblem.ExcelDamaged : IdProblem.WrongCheckCharacter);
        }
        return new ParsedId(normalised, new ResidentId(key), IdProblem.None);
    }

    /// <summary>
    /// Parses a numeric spreadsheet cell. A number of more than 15 digits has lost its tail to floating point
    /// and cannot be trusted; a 15-digit legacy ID survives exactly.
    /// </summary>
    public static ParsedId ParseNumber(double value)
    {
        if (value >= 1e15 || value < 0 || Math.Floor(value) != value)
        {
            return new ParsedId(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), null, IdProblem.ExcelDamaged);
        }
        return Parse(((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Is there a valid key at one digit change or one adjacent swap from <paramref name="text"/>?</summary>
    /// <remarks>Used by identity repair: the candidates of an invalid 18-character ID.</remarks>
    public static IEnumerable<long> RepairCandidates(string text)
    {
        if (text.Length != 18 || !IsAllDigits(text.AsSpan(0, 17)) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            yield break;
        }
        var chars = text.ToCharArray();
        var seen = new HashSet<long>();
        // One changed character, anywhere (the check character included).
        for (var i = 0; i < 18; i++)
        {
            var original = chars[i];
            var alphabet = i == 17 ? "0123456789X" : "0123456789";
            foreach (var c in alphabet)
            {
                if (c == original)
                {
                    continue;
                }
                chars[i] = c;
                if (TryValid(chars, out var key) && seen.Add(key))
                {
                    yield return key;
                }
            }
            chars[i] = original;
        }
        // One swap of two adjacent characters.
        for (var i = 0; i < 17; i++)
        {
            if (chars[i] == chars[i + 1] || i + 1 == 17 && chars[i + 1] == 'X')
            {
                continue;
            }
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            if (TryValid(chars, out var key) && seen.Add(key))
            {
                yield return key;
            }
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        }
    }

    private static bool TryValid(ReadOnlySpan<char> chars, out long key)
    {
        key = 0;
        for (var i = 0; i < 17; i++)
        {
            key = key * 10 + (chars[i] - '0');
        }
        return HasPossibleBirthDate(key) && CheckCharacter(key) == chars[17];
    }

    private static ParsedId Upgrade15(ReadOnlySpan<char> text)
    {
        var k15 = long.Parse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        // 6 address + yyMMdd + 3 sequence → 6 address + 19yyMMdd + 3 sequence.
        var address = k15 / 1_000_000_000L;
        var rest = k15 % 1_000_000_000L;
        var key = address * 100_000_000_000L + 19 * 1_000_000_000L + rest;
        if (!HasPossibleBirthDate(key))
        {
            return new ParsedId(text.ToString(), null, IdProblem.ImpossibleBirthDate);
        }
        var id = new ResidentId(key);
        return new ParsedId(id.ToString(), id, IdProblem.None, UpgradedFrom15: true);
    }

    private static bool HasPossibleBirthDate(long key)
    {
        var ymd = (int)(key / 1000 % 100_000_000);
        int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
        return y is >= 1850 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAllDigitsOrX(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c != 'X')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Folds full-width ASCII (U+FF01..U+FF5E) to ASCII.</summary>
    private static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
