using System.Runtime.CompilerServices;

namespace ReliefMatch.SampleData.People;

/// <summary>
/// An age distribution in 5-year bands (0–4, 5–9, … 95–99), turned into birth dates. The tables are rough
/// shapes of a rural Guangxi county in 2023: an older population, deaths concentrated after 70, people who
/// move away mostly young adults.
/// </summary>
internal sealed class AgeProfile(params int[] bandWeights)
{
    private readonly WeightedChoice _bands = new(bandWeights);

    public static AgeProfile General { get; } = new(50, 60, 65, 60, 50, 55, 75, 70, 65, 80, 85, 80, 60, 55, 40, 25, 15, 8, 3, 1);

    public static AgeProfile Deaths { get; } = new(5, 1, 1, 2, 3, 4, 5, 7, 10, 15, 25, 35, 50, 80, 110, 140, 180, 170, 110, 40);

    /// <summary>People with medical settlements: everyone falls ill, the old more often.</summary>
    public static AgeProfile Patients { get; } = new(40, 25, 20, 20, 25, 35, 45, 50, 55, 70, 85, 95, 95, 100, 90, 70, 45, 25, 10, 3);

    public static AgeProfile Disabled { get; } = new(5, 10, 15, 18, 20, 25, 30, 35, 45, 60, 75, 85, 90, 95, 90, 75, 55, 35, 15, 5);

    public static AgeProfile Movers { get; } = new(30, 20, 15, 60, 180, 220, 160, 100, 70, 50, 40, 30, 25, 20, 10, 5, 3, 1, 1, 1);

    /// <summary>A birth day (day number) for someone of this profile, ages counted back from <paramref name="reference"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int BirthDay(ref SampleRandom random, DateOnly reference)
    {
        var band = _bands.Pick(ref random);
        return BirthDayAt(ref random, reference, band * 5, band * 5 + 4);
    }

    /// <summary>A birth day for an age in whole years between <paramref name="minAge"/> and <paramref name="maxAge"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int BirthDayAt(ref SampleRandom random, DateOnly reference, int minAge, int maxAge)
    {
        minAge = Math.Max(0, minAge);
        maxAge = Math.Max(minAge, maxAge);
        // Whole years back, then up to a year more: ages in [minAge, maxAge] at the reference date.
        var years = random.Between(minAge, maxAge);
        var day = reference.AddYears(-years).DayNumber - random.Next(365);
        // Nobody in a roster is born after the month it describes.
        return Math.Clamp(day, IdAllocator.FirstDay, reference.DayNumber - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int AgeAt(int birthDay, DateOnly reference)
    {
        var birth = DateOnly.FromDayNumber(birthDay);
        var age = reference.Year - birth.Year;
        if (reference.Month < birth.Month || reference.Month == birth.Month && reference.Day < birth.Day)
        {
            age--;
        }
        return age;
    }
}
