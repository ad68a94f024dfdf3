namespace ReliefMatch.Readers.Tables;

/// <summary>
/// How much an XLSX may unpack to before it is refused unparsed: a workbook is a zip, and a zip of a few MB can
/// inflate to GB (a "zip bomb") that a parser would try to hold. The limits follow Apache POI's
/// (<c>ZipSecureFile</c>: no entry past 100 KB may inflate more than 100 times) plus caps that no workbook written
/// by Excel or WPS reaches: 32,767 characters in a cell (Excel's own limit) and 1,048,576 rows (a sheet's).
/// </summary>
/// <remarks>
/// Departmental extracts get <see cref="Extracts"/>; a worklist a township hands back, which holds a few thousand
/// rows at most and is read into memory whole, gets the far lower <see cref="Returns"/>.
/// </remarks>
public sealed record XlsxLimits
{
    /// <summary>Limits for departmental extracts: a full sheet of 1,048,576 rows fits.</summary>
    public static XlsxLimits Extracts { get; } = new();

    /// <summary>Limits for a returned worklist: a township's month is at most a few thousand rows.</summary>
    public static XlsxLimits Returns { get; } = new()
    {
        MaxEntries = 200,
        MaxSheetBytes = 16L << 20,
        MaxSharedStringsBytes = 8L << 20,
        MaxPartBytes = 1L << 20,
        MaxTotalBytes = 32L << 20,
        MaxRows = 10_000,
    };

    /// <summary>Files in the zip (Excel writes a dozen or two; each costs memory to list).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>The unpacked size of one worksheet (<c>xl/worksheets/…</c>).</summary>
    public long MaxSheetBytes { get; init; } = 2L << 30;

    /// <summary>The unpacked size of the shared-string table, which a reader holds in memory whole.</summary>
    public long MaxSharedStringsBytes { get; init; } = 256L << 20;

    /// <summary>The unpacked size of any other part (workbook, styles, relationships, theme…).</summary>
    public long MaxPartBytes { get; init; } = 64L << 20;

    /// <summary>The unpacked size of all entries together.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>An entry larger than this unpacked is held to <see cref="MaxInflateRatio"/> (POI's grace size).</summary>
    public long GraceEntryBytes { get; init; } = 100 << 10;

    /// <summary>How many times its packed size an entry past <see cref="GraceEntryBytes"/> may unpack to (POI: 1:100).</summary>
    public int MaxInflateRatio { get; init; } = 100;

    /// <summary>Characters in one cell or shared string (Excel's own limit).</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>
    /// Rows of a file, counted by sheet row number (gaps included, since readers walk them): a sheet holds 1,048,576.
    /// </summary>
    public int MaxRows { get; init; } = 1_048_576;
}
