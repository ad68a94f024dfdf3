namespace ReliefMatch.SampleData.Output;

/// <summary>The file forms in which extracts arrive (docs/sources.md, "File formats").</summary>
internal enum FileFormat
{
    /// <summary>UTF-8 without BOM, LF line ends: exports from Linux servers.</summary>
    CsvUtf8,

    /// <summary>UTF-8 with BOM (EF BB BF), CRLF: "CSV UTF-8" saved by Excel.</summary>
    CsvUtf8Bom,

    /// <summary>GB18030, CRLF: what Excel or WPS on a Chinese Windows PC saves as CSV.</summary>
    CsvGb18030,

    Xlsx,
}
