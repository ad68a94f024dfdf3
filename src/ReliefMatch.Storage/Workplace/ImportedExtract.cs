using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>An imported extract file as the import history lists it: what reading it found, and when.</summary>
public sealed record ImportedExtract
{
    public required long Id { get; init; }
    public required SourceRef Source { get; init; }
    /// <summary><c>source/file name</c>, relative to the drop folder.</summary>
    public required string File { get; init; }
    /// <summary>The month it was first imported for.</summary>
    public required ReportingMonth Period { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public string Encoding { get; init; } = "";
    public string? Sheet { get; init; }
    public int HeaderRow { get; init; }
    public int RowsRead { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Skipped { get; init; }
}
