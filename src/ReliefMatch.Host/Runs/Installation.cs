using ReliefMatch.Readers;

namespace ReliefMatch.Host.Runs;

/// <summary>The county this installation serves (RULES.md: the home county).</summary>
public sealed record Installation(string HomeCountyCode = "450326", string CountyName = "永福县")
{
    public static Installation Default { get; } = new()
    {
        Townships = ["永福镇", "罗锦镇", "百寿镇", "苏桥镇", "三皇镇", "堡里镇", "广福乡", "龙江乡", "永安乡"],
    };

    /// <summary>
    /// The county's townships as the installation lists them: a township user may be given one of these (or one an
    /// imported roster names) before any roster is imported.
    /// </summary>
    public IReadOnlyList<string> Townships { get; init; } = [];

    /// <summary>What the readers need to know of the home county (rows without a county code belong to it).</summary>
    public ExtractReaderOptions ReaderOptions => new() { HomeCountyCode = HomeCountyCode, HomeCountyName = CountyName };
}
