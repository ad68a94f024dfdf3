namespace ReliefMatch.SampleData;

/// <summary>One file written by the sample generator.</summary>
/// <param name="Source">The id of the source the file is of (its folder's name).</param>
/// <param name="Path">Relative to the output folder, with forward slashes: <c>roster/永福县2023年7月….xlsx</c>.</param>
/// <param name="Format"><c>CSV UTF-8</c>, <c>CSV UTF-8 (BOM)</c>, <c>CSV GB18030</c> or <c>XLSX</c>.</param>
/// <param name="Rows">Data rows (not titles, headers, blank rows or footers).</param>
public sealed record SampleFile(string Source, string Path, string Format, long Rows, long Bytes);
