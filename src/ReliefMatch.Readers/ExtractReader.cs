using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Readers;

/// <summary>Opens a departmental extract (CSV in UTF-8/GB18030, or XLSX) of a known source.</summary>
public static class ExtractReader
{
    /// <summary>
    /// Detects the format, encoding, sheet and header row; throws <see cref="ExtractRefusedException"/> when the
    /// source's required columns cannot be found. Rows are read lazily by <see cref="ExtractReading.Records"/>.
    /// </summary>
    /// <param name="displayName">The name used in reports and errors, e.g. <c>medical/医保结算_202307.csv</c>.</param>
    public static ExtractReading Open(string path, SourceKind source, string? displayName = null) =>
        throw new NotImplementedException();
}
