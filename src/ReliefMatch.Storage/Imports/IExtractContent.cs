using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// An opened extract as the importer consumes it: what was detected, one forward pass over the accepted
/// records, and the counts and rejected rows, complete once the records have been read. The readers'
/// <c>ExtractReading</c> is the real one; anything that yields records (a test's stream, an upload) can be one.
/// </summary>
public interface IExtractContent : IDisposable
{
    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c> or <c>XLSX</c>.</summary>
    string Encoding { get; }

    string? Sheet { get; }

    int HeaderRow { get; }

    /// <summary>The title rows above the header row (where a file may state its month); empty when there are none.</summary>
    string Title => "";

    /// <summary>The declared fields the file has a column for, in declared order; null when not known.</summary>
    IReadOnlyList<string>? PresentFields => null;

    /// <summary>The header row's cells as the file spells them, for the sanity checks; empty when not known.</summary>
    IReadOnlyList<string> Headers => [];

    /// <summary>Accepted records in file order, enumerated once. May throw <c>ExtractRefusedException</c> to refuse the whole file.</summary>
    IEnumerable<ExtractRecord> Records();

    int RowsRead { get; }

    int Accepted { get; }

    int Rejected { get; }

    int Skipped { get; }

    IReadOnlyList<RejectedRow> Rejects { get; }
}
