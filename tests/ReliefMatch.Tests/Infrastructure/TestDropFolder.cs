using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// A drop folder in a temporary directory whose files' contents (records) are supplied by the test through
/// an <see cref="ExtractOpener"/>: the file bytes decide identity (SHA-256), the registered content decides
/// what is read. Opening a file nobody registered fails the test.
/// </summary>
public sealed class TestDropFolder : IDisposable
{
    private readonly Dictionary<string, Func<IExtractContent>> _contents = new(StringComparer.Ordinal);

    public TestDropFolder() => Root = TempFolder.Create("reliefmatch-inbox");

    public string Root { get; }

    /// <summary>How many times each display name was opened.</summary>
    public Dictionary<string, int> Opened { get; } = new(StringComparer.Ordinal);

    public ExtractOpener Opener => (path, source, displayName) =>
    {
        Opened[displayName] = Opened.GetValueOrDefault(displayName) + 1;
        return _contents.TryGetValue(displayName, out var content)
            ? content()
            : throw new InvalidOperationException($"The test registered no content for {displayName}.");
    };

    /// <summary>Writes <c>source/name</c> with the given bytes (as text) and registers what reading it yields.</summary>
    public string Add(SourceKind source, string name, string bytes, Func<IExtractContent> content)
    {
        var folder = Path.Combine(Root, source.Id());
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, bytes);
        _contents[$"{source.Id()}/{name}"] = content;
        return path;
    }

    /// <summary>Writes a file with no registered content (e.g. one the importer must ignore).</summary>
    public string AddRaw(string relativePath, string bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, bytes);
        return path;
    }

    public void Dispose() => TempFolder.Delete(Root);
}
