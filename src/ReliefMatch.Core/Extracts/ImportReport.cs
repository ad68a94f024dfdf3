namespace ReliefMatch.Core.Extracts;

/// <summary>A row that could not be accepted: where it is, what was read and why it was refused.</summary>
/// <param name="Row">CSV line number (1-based, counting the physical line where the record starts) or sheet row.</param>
public sealed record RejectedRow(int Row, string Column, string Value, string Reason);

/// <summary>What reading one extract file found: the numbers the import report shows.</summary>
public sealed record FileReport
{
    public required SourceRef Source { get; init; }
    /// <summary>The path relative to the drop folder: <c>source/file name</c>.</summary>
    public required string File { get; init; }
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }
    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c> or <c>XLSX</c>.</summary>
    public string Encoding { get; init; } = "";
    public string? Sheet { get; init; }
    public int HeaderRow { get; init; }
    public int RowsRead { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Skipped { get; init; }
    public bool AlreadyImported { get; init; }
    /// <summary>Set when the whole file was refused (e.g. required columns missing); nothing of it is stored.</summary>
    public string? RefusedReason { get; init; }
    public IReadOnlyList<RejectedRow> Rejects { get; init; } = [];

    /// <summary>The month the file was stamped with: the one given, else the one its name or title states.</summary>
    public Periods.ReportingMonth? Period { get; init; }

    /// <summary>
    /// Set when no month was given and neither the file's name nor its title states one: nothing of it is stored,
    /// and it waits (待确认) until an officer confirms its month.
    /// </summary>
    public bool MonthUnknown { get; init; }
}
