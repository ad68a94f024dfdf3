using System.Globalization;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Readers;

/// <summary>Valid resident IDs for extract fixtures.</summary>
internal static class TestIds
{
    /// <summary>An 18-character ID of 永福县 born on <paramref name="birth"/> (yyyyMMdd) with the given sequence.</summary>
    public static string Make(string birth = "19800101", int sequence = 123, string address = "450326")
    {
        var body = address + birth + sequence.ToString("D3", CultureInfo.InvariantCulture);
        var key = long.Parse(body, CultureInfo.InvariantCulture);
        return body + ResidentIdParser.CheckCharacter(key);
    }

    /// <summary>A valid ID whose check character is X (for the lower-case x variant).</summary>
    public static string WithCheckX()
    {
        for (var seq = 1; seq < 1000; seq++)
        {
            var id = Make(sequence: seq);
            if (id[17] == 'X')
            {
                return id;
            }
        }
        throw new InvalidOperationException("no ID with check character X");
    }

    /// <summary>The same ID with a wrong check character.</summary>
    public static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}
