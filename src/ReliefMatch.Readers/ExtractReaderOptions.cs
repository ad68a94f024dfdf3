using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Readers;

/// <summary>What a reader needs to know about the installation.</summary>
public sealed record ExtractReaderOptions
{
    public static ExtractReaderOptions Default { get; } = new();

    /// <summary>
    /// The county this installation serves (永福县 by default). A roster without a 区划代码 column, or a row with
    /// that cell blank, belongs to it.
    /// </summary>
    public string HomeCountyCode { get; init; } = "450326";

    /// <summary>
    /// The home county's name. A roster row with no 区划代码 but a 县(区) naming another county (临桂区) belongs to
    /// that county, not to the home county.
    /// </summary>
    public string HomeCountyName { get; init; } = "永福县";

    /// <summary>How much an XLSX extract may unpack to, and its longest cell and last row (<see cref="XlsxLimits.Extracts"/>).</summary>
    public XlsxLimits Xlsx { get; init; } = XlsxLimits.Extracts;
}
