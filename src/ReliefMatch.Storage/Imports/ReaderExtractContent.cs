using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;

namespace ReliefMatch.Storage.Imports;

/// <summary>The departmental readers (<see cref="ExtractReader"/>) as an <see cref="IExtractContent"/>.</summary>
public sealed class ReaderExtractContent(ExtractReading reading) : IExtractContent
{
    /// <summary>Opens files with the real readers, for the installation <paramref name="options"/> describe (its home county).</summary>
    public static ExtractOpener OpenerFor(ExtractReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (path, source, displayName) => new ReaderExtractContent(ExtractReader.Open(path,
            source.Declaration ?? throw new ArgumentException($"No declaration of source '{source.Id}' is known.", nameof(source)), options, displayName));
    }

    public string Encoding => reading.Encoding;

    public string? Sheet => reading.Sheet;

    public int HeaderRow => reading.HeaderRow;

    public string Title => reading.Title;

    public IReadOnlyList<string>? PresentFields => reading.PresentFields;

    public IReadOnlyList<string> Headers => reading.Headers;

    public IEnumerable<ExtractRecord> Records() => reading.Records();

    public int RowsRead => reading.RowsRead;

    public int Accepted => reading.Accepted;

    public int Rejected => reading.Rejected;

    public int Skipped => reading.Skipped;

    public IReadOnlyList<RejectedRow> Rejects => reading.Rejects;

    public void Dispose() => reading.Dispose();
}
