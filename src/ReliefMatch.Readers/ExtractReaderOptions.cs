using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Readers;

/// <summary>What a reader needs to know about the installation.</summary>
/// <remarks>
/// The home county has no compiled default: it is installation data (the county file the host reads), and a caller
/// that forgot to pass it must not have its roster rows silently counted as some other county's.
/// </remarks>
public sealed record ExtractReaderOptions
{
    /// <summary>
    /// The county this installation serves, its six-digit 区划代码. A roster without a 区划代码 column, or a row with
    /// that cell blank, belongs to it.
    /// </summary>
    public required string HomeCountyCode { get; init; }

    /// <summary>
    /// The home county's name. A roster row with no 区划代码 but a 县(区) naming another county (临桂区) belongs to
    /// that county, not to the home county.
    /// </summary>
    public required string HomeCountyName { get; init; }

    /// <summary>How much an XLSX extract may unpack to, and its longest cell and last row (<see cref="XlsxLimits.Extracts"/>).</summary>
    public XlsxLimits Xlsx { get; init; } = XlsxLimits.Extracts;
}
