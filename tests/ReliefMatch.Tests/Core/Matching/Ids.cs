using System.Globalization;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>Valid resident IDs for tests, and the typos the rules must see through.</summary>
internal static class Ids
{
    /// <summary>A valid 18-character ID: address, birth date (yyyyMMdd), three-digit sequence (odd = male).</summary>
    public static string Make(string birth, int sequence, string address = "450326")
    {
        var key = long.Parse(address + birth + sequence.ToString("D3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return ResidentId.FromKey(key).ToString();
    }

    /// <summary>The same ID with digit <paramref name="position"/> changed so that the check character no longer fits.</summary>
    public static string WithWrongDigit(string id, int position)
    {
        for (var d = 1; d <= 9; d++)
        {
            var chars = id.ToCharArray();
            chars[position] = (char)('0' + (chars[position] - '0' + d) % 10);
            var typo = new string(chars);
            if (!ResidentIdParser.Parse(typo).IsValid)
            {
                return typo;
            }
        }
        throw new InvalidOperationException("No invalid variant found.");
    }

    /// <summary>The ID with the digits at <paramref name="position"/> and the next one swapped.</summary>
    public static string WithSwap(string id, int position)
    {
        var chars = id.ToCharArray();
        (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
        return new string(chars);
    }

    /// <summary>The legacy 15-digit form of an 18-character ID of someone born in the 1900s.</summary>
    public static string To15(string id) => string.Concat(id.AsSpan(0, 6), id.AsSpan(8, 9));

    public static ParsedId Parse(string? text) => text is null ? ParsedId.Missing : ResidentIdParser.Parse(text);
}
