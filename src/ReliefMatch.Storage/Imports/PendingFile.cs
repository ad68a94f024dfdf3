using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>A file whose month cannot be told (待确认): where it lies, its source and name, and when it was first found.</summary>
public sealed record PendingFile(long Id, string Path, SourceRef Source, string File, string Sha256, long Size, DateTimeOffset FoundAt);
