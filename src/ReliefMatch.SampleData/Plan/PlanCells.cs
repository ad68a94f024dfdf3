using ReliefMatch.SampleData.People;

namespace ReliefMatch.SampleData.Plan;

/// <summary>A person's name by <see cref="ChineseNames"/> code: written with the file's habits (padding, dots).</summary>
internal readonly record struct NameCell(int Code);

/// <summary>A person's valid ID by key; <paramref name="Damaged"/>: as Excel turned it into a number (the row is refused on import).</summary>
internal readonly record struct IdCell(long Key, bool Damaged = false);

/// <summary>A calendar date (day number), written in one of the file's date forms.</summary>
internal readonly record struct DayCell(int Day);

/// <summary>An amount in cents, written in the file's money forms, or in 万元 under a 万元 header.</summary>
internal readonly record struct MoneyCell(long Cents);

/// <summary>A month of a month field, written in one of the contract's month spellings.</summary>
internal readonly record struct MonthCell(int Year, int Month);

/// <summary>A plain number (an area, a year).</summary>
internal readonly record struct NumberCell(decimal Value);

internal static class Masking
{
    /// <summary>450326********1234: the first 6 and last 4 characters of the ID, as everything a township user reads.</summary>
    public static string Masked(long key)
    {
        var id = ResidentIdText.ToString(key);
        return string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14));
    }

    /// <summary>王芳 450326********1234.</summary>
    public static string Who(int nameCode, long key) => $"{ChineseNames.ToString(nameCode)} {Masked(key)}";
}
