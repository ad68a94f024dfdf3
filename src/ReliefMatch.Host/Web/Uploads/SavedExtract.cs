using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Host.Web.Uploads;

/// <summary>An uploaded extract saved into the drop folder: its source, where it lies, and its name in reports (<c>source/file</c>).</summary>
public sealed record SavedExtract(SourceKind Source, string Path, string DisplayName);
