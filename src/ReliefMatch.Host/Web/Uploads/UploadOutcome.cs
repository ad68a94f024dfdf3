using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>
/// What became of one uploaded file: the import report when it was imported at once, or a note that its import
/// was handed on (e.g. queued as a job), or why it was not saved at all (<see cref="Problem"/>).
/// </summary>
public sealed record UploadOutcome(string FileName)
{
    public SavedExtract? Saved { get; init; }
    public FileReport? Report { get; init; }
    /// <summary>Set when the import runs later: what the officer is told (e.g. the job's number).</summary>
    public string? Queued { get; init; }
    /// <summary>Why the file was not saved (unknown source, not CSV or XLSX, unreadable).</summary>
    public string? Problem { get; init; }
}
