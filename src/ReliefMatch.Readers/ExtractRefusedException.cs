using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Readers;

/// <summary>
/// The whole file is refused (its required columns cannot be found, or it is not a readable CSV/XLSX):
/// nothing of it may be stored. The message names the file and what was found.
/// </summary>
/// <remarks>
/// Thrown by <see cref="ExtractReader.Open"/> before any record is read, or, for a file that breaks off in the
/// middle (a damaged workbook), while <see cref="ExtractReading.Records"/> is enumerated: the importer must then
/// discard what it took from the file.
/// </remarks>
public sealed class ExtractRefusedException(string file, string reason, IReadOnlyList<string> foundHeaders)
    : Exception($"{file}: {reason}")
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
    public IReadOnlyList<string> FoundHeaders { get; } = foundHeaders;

    /// <summary>The import report of the refused file: nothing read, and why.</summary>
    public FileReport ToReport(SourceKind source, string sha256, long size) => new()
    {
        Source = source,
        File = File,
        Sha256 = sha256,
        Size = size,
        RefusedReason = Reason,
    };
}
