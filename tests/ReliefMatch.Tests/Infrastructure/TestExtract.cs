using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// An extract whose records a test builds: what the importer would get from the readers, including a
/// stream that fails part-way through. Counts fill in as the records are read, as the readers' do.
/// </summary>
public sealed class TestExtract(IEnumerable<ExtractRecord> records, IReadOnlyList<RejectedRow>? rejects = null, int skipped = 0) : IExtractContent
{
    private readonly IReadOnlyList<RejectedRow> _rejects = rejects ?? [];
    private int _accepted;

    public string Encoding { get; init; } = "UTF-8";

    public string? Sheet { get; init; }

    public int HeaderRow { get; init; } = 1;

    public IReadOnlyList<string> Headers { get; init; } = [];

    public bool Disposed { get; private set; }

    public IEnumerable<ExtractRecord> Records()
    {
        foreach (var r in records)
        {
            _accepted++;
            yield return r;
        }
    }

    public int RowsRead => _accepted + _rejects.Count + skipped;

    public int Accepted => _accepted;

    public int Rejected => _rejects.Count;

    public int Skipped => skipped;

    public IReadOnlyList<RejectedRow> Rejects => _rejects;

    public void Dispose() => Disposed = true;

    /// <summary>Yields <paramref name="records"/>, then throws <paramref name="failure"/>: a file that breaks mid-way.</summary>
    public static IEnumerable<ExtractRecord> FailingAfter(IEnumerable<ExtractRecord> records, Exception failure)
    {
        foreach (var r in records)
        {
            yield return r;
        }
        throw failure;
    }
}
