using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Opens one extract file of a known source. Throws <c>ReliefMatch.Readers.ExtractRefusedException</c> when the
/// file is refused as a whole (e.g. its required columns cannot be found). A declared source's reference carries its declaration.
/// </summary>
/// <param name="displayName">The name used in reports: <c>source/file name</c>.</param>
public delegate IExtractContent ExtractOpener(string path, SourceRef source, string displayName);
