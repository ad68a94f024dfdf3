using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData;

namespace ReliefMatch.Host.Bench;

/// <summary>What <c>reliefmatch bench</c> measures.</summary>
/// <param name="Households">The sizes, in home-county roster households; each is generated and run on its own fresh database, smallest first.</param>
/// <param name="WorkDirectory">Where drop folders, outputs and (without <c>RELIEFMATCH_DB</c>) the private PostgreSQL cluster go.</param>
/// <param name="Keep">Keep the drop folders, outputs, databases and cluster afterwards (otherwise what the bench made is removed).</param>
/// <param name="Plain">Generate every source as clean UTF-8 CSV (the generator's plain mode); false gives the messy mix of
/// encodings, spreadsheets and spellings, whose XLSX files dominate the import at large sizes.</param>
/// <param name="Seed">The generator's seed: the same options give the same drop folders.</param>
/// <param name="Period">The reporting month of the extracts and of both runs.</param>
/// <param name="Alternations">How many times each size runs: a first run on a fresh database and the run again with nothing new,
/// then the peer when there is one; the targets read the medians and print the spread (default: 3 with a peer, else 1).</param>
/// <param name="OriginalSourcesOnly">Generate only the six sources the first rules read (<see cref="SampleOptions.OriginalSourcesOnly"/>):
/// the drop folders the figures before the plan's other sources were measured on, and all a peer doing those rules' joins reads.</param>
public sealed record BenchOptions(
    IReadOnlyList<int> Households,
    string WorkDirectory,
    bool Keep = false,
    bool Plain = true,
    int Seed = 20230701,
    ReportingMonth? Period = null,
    int? Alternations = null,
    bool OriginalSourcesOnly = false)
{
    /// <summary>A county (永福县 has about 10 000 households on its rolls) and a province.</summary>
    public static IReadOnlyList<int> DefaultHouseholds { get; } = [10_000, 1_000_000];

    /// <summary>The size from which the targets of a province apply.</summary>
    public const int ProvinceHouseholds = 1_000_000;

    public ReportingMonth Month => Period ?? SampleOptions.DefaultPeriod;

    /// <summary>How many alternations run at each size, with or without a peer.</summary>
    public int AlternationsWith(bool peer) => Alternations ?? (peer ? 3 : 1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for sizes the generator cannot make.</summary>
    public void Validate()
    {
        if (Households.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Households), "At least one size is needed.");
        }
        foreach (var n in Households)
        {
            new SampleOptions(n, Seed, Period, Plain, OriginalSourcesOnly: OriginalSourcesOnly).Validate();
        }
        if (Alternations is < 1 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(Alternations), Alternations, "Alternations must be between 1 and 9.");
        }
        if (Households.Distinct().Count() != Households.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(Households), string.Join(",", Households), "Each size may be given once.");
        }
    }
}
