using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>An uploaded extract saved into the drop folder: its source, where it lies, and its name in reports (<c>source/file</c>).</summary>
/// <param name="OriginalName">The name it was uploaded under, when it is stored under another (one too long for a file name).</param>
public sealed record SavedExtract(SourceRef Source, string Path, string DisplayName, string? OriginalName = null);
