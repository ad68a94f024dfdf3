using ReliefMatch.Core.Identity;

namespace ReliefMatch.Readers.Values;

/// <summary>性别 as departments write it: 男/女, or the GB/T 2261.1 codes 1/2 (0 and 9: unknown, not stated).</summary>
internal static class SexText
{
    /// <returns>False for a value that is not a sex at all; true with <c>null</c> for "unknown".</returns>
    public static bool TryParse(string text, out Sex? sex)
    {
        switch (text)
        {
            case "男" or "男性" or "1" or "M" or "m":
                sex = Sex.Male;
                return true;
            case "女" or "女性" or "2" or "F" or "f":
                sex = Sex.Female;
                return true;
            case "未知" or "未知的性别" or "未说明" or "未说明的性别" or "0" or "9":
                sex = null;
                return true;
            default:
                sex = null;
                return false;
        }
    }
}
