using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Readers;

/// <summary>
/// The whole file is refused (its required columns cannot be found, or it is not a readable CSV/XLSX):
/// nothing of it may be stored. The message names the file and what was found.
/// </summary>
/// <remarks>
/// A refusal is shown, stored and logged (the import report, the job's record, the audit log, the server log),
/// and it may quote the file's cells (the headers found, a parser's complaint): every ID in the reason and the
/// headers is masked here, where the refusal is made, so no copy of it carries a full ID
/// (<see cref="IdText.MaskIds"/>).
/// </remarks>
/// <remarks>
/// Thrown by <see cref="ExtractReader.Open"/> before any record is read, or, for a file that breaks off in the
/// middle (a damaged workbook), while <see cref="ExtractReading.Records"/> is enumerated: the importer must then
/// discard what it took from the file.
/// </remarks>
public sealed class ExtractRefusedException(string file, string reason, IReadOnlyList<string> foundHeaders)
    : Exception($"{file}: {IdText.MaskIds(reason)}")
{
    public string File { get; } = file;

    /// <summary>Why, in Chinese; IDs masked.</summary>
    public string Reason { get; } = IdText.MaskIds(reason);

    /// <summary>The non-empty cells of the row closest to a header row; IDs masked.</summary>
    public IReadOnlyList<string> FoundHeaders { get; } = foundHeaders.Select(IdText.MaskIds).ToList();

    /// <summary>The import report of the refused file: nothing read, and why.</summary>
    public FileReport ToReport(SourceRef source, string sha256, long size) => new()
    {
        Source = source,
        File = File,
        Sha256 = sha256,
        Size = size,
        RefusedReason = Reason,
    };
}
