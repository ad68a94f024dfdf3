using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Readers;

/// <summary>An opened extract: what was detected, and a single forward pass over its accepted records.</summary>
public sealed class ExtractReading : IDisposable
{
    public SourceKind Source { get; }
    public string File { get; } = "";
    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c> or <c>XLSX</c>.</summary>
    public string Encoding { get; } = "";
    public string? Sheet { get; }
    public int HeaderRow { get; }
    public IReadOnlyList<string> Headers { get; } = [];

    /// <summary>Streams accepted records in file order; may be enumerated once. Counts fill in as it goes.</summary>
    public IEnumerable<ExtractRecord> Records() => throw new NotImplementedException();

    public int RowsRead { get; }
    public int Accepted { get; }
    public int Rejected { get; }
    public int Skipped { get; }
    public IReadOnlyList<RejectedRow> Rejects { get; } = [];

    public FileReport ToReport(string sha256, long size) => throw new NotImplementedException();

    public void Dispose() { }
}
