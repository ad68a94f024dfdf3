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
}
