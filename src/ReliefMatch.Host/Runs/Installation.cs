using ReliefMatch.Readers;

namespace ReliefMatch.Host.Runs;

/// <summary>The county this installation serves (RULES.md: the home county).</summary>
public sealed record Installation(string HomeCountyCode = "450326", string CountyName = "永福县")
{
    public static Installation Default { get; } = new();

    /// <summary>What the readers need to know of the home county (rows without a county code belong to it).</summary>
    public ExtractReaderOptions ReaderOptions => new() { HomeCountyCode = HomeCountyCode, HomeCountyName = CountyName };
}
