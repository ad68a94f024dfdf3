namespace ReliefMatch.Core.Identity;

/// <summary>
/// A valid 18-character resident ID (公民身份号码, GB 11643-1999). Only <see cref="ResidentIdParser"/> makes one,
/// so holding a <see cref="ResidentId"/> means the check character, birth date and length are right.
/// </summary>
/// <remarks>
/// The first 17 digits fit in a <see cref="long"/> (<see cref="Key"/>); the check character is a function of
/// them, so the key identifies the ID and is what the matching engine joins on.
/// </remarks>
public readonly record struct ResidentId
{
    internal ResidentId(long key) => Key = key;

    /// <summary>The first 17 digits as a number: the compact join key.</summary>
    public long Key { get; }

    /// <summary>Rebuilds an ID from its key. The key must come from a valid ID.</summary>
    public static ResidentId FromKey(long key)
    {
        if (key < 10_000_000_000_000_000L || key > 99_999_999_999_999_999L)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "A resident ID key has exactly 17 digits.");
        }
        return new ResidentId(key);
    }

    /// <summary>The six-digit address code (行政区划代码) of the place of first registration.</summary>
    public string AddressCode => (Key / 100_000_000_000L).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly BirthDate
    {
        get
        {
            var ymd = (int)(Key / 1000 % 100_000_000);
            return new DateOnly(ymd / 10000, ymd / 100 % 100, ymd % 100);
        }
    }

    /// <summary>Odd sequence = male, even = female.</summary>
    public Sex Sex => Key % 10 % 2 == 1 ? Sex.Male : Sex.Female;

    public char CheckCharacter => ResidentIdParser.CheckCharacter(Key);

    public override string ToString()
    {
        Span<char> buffer = stackalloc char[18];
        WriteTo(buffer);
        return new string(buffer);
    }

    public void WriteTo(Span<char> destination)
    {
        var k = Key;
        for (var i = 16; i >= 0; i--)
        {
            destination[i] = (char)('0' + (int)(k % 10));
            k /= 10;
        }
        destination[17] = CheckCharacter;
    }

    /// <summary>The ID masked for printed worklists: first 6 and last 4 characters shown.</summary>
    public string Masked() => Mask(ToString());

    public static string Mask(string idNumber) =>
        idNumber.Length <= 10 ? idNumber : string.Concat(idNumber.AsSpan(0, 6), new string('*', idNumber.Length - 10), idNumber.AsSpan(idNumber.Length - 4));
}

public enum Sex
{
    Male = 1,
    Female = 2,
}
