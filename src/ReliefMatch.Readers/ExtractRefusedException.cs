namespace ReliefMatch.Readers;

/// <summary>
/// The whole file is refused (its required columns cannot be found, or it is not a readable CSV/XLSX):
/// nothing of it may be stored. The message names the file and what was found.
/// </summary>
public sealed class ExtractRefusedException(string file, string reason, IReadOnlyList<string> foundHeaders)
    : Exception($"{file}: {reason}")
{
    public string File { get; } = file;
    public string Reason { get; } = reason;
    public IReadOnlyList<string> FoundHeaders { get; } = foundHeaders;
}
