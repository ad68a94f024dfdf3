using ReliefMatch.Core.Periods;

namespace ReliefMatch.SampleData;

/// <summary>
/// What <c>reliefmatch sample</c> generates: a county of <paramref name="Households"/> roster households (about
/// 30 residents per household in the county, so 300 households is a county of 9 000 people), reproducible from
/// <paramref name="Seed"/>, for the reporting month <paramref name="Period"/> (2023-07 when null).
/// </summary>
/// <param name="Households">Home-county roster households; the other extracts keep their proportions to it.</param>
/// <param name="Seed">The same seed and options give the same bytes.</param>
/// <param name="Period">The reporting month the extracts are for; null means <see cref="DefaultPeriod"/>.</param>
/// <param name="Plain">Every source as clean UTF-8 CSV with the contract's first header spelling and canonical
/// values, instead of the mix of encodings, spreadsheets, title rows and spellings that real extracts have.</param>
/// <param name="Parallelism">Sources written at once; 0 means one per processor. Does not change the output.</param>
/// <param name="OriginalSourcesOnly">Only the six sources the first rules read (roster, the two death sources, disability,
/// monitoring, medical), without the plan's fourteen other sources: what benchmarks measured before those existed, and what
/// a peer doing the first rules' joins reads. Their bytes are the same either way.</param>
public sealed record SampleOptions(
    int Households = 300, int Seed = 20230701, ReportingMonth? Period = null, bool Plain = false, int Parallelism = 0,
    bool OriginalSourcesOnly = false)
{
    public static ReportingMonth DefaultPeriod { get; } = new(2023, 7);

    /// <summary>The upper bound keeps every ID unique (the county's address codes have room for so many births a day).</summary>
    public const int MaxHouseholds = 2_000_000;

    /// <summary>P: the period, defaulted.</summary>
    public ReportingMonth Month => Period ?? DefaultPeriod;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for options no county could have.</summary>
    public void Validate()
    {
        if (Households is < 1 or > MaxHouseholds)
        {
            throw new ArgumentOutOfRangeException(nameof(Households), Households, $"Households must be between 1 and {MaxHouseholds}.");
        }
        if (Month.Year is < 2000 or > 2035)
        {
            throw new ArgumentOutOfRangeException(nameof(Period), Month, "The period must be a month between 2000 and 2035.");
        }
        if (Parallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism cannot be negative.");
        }
    }
}
