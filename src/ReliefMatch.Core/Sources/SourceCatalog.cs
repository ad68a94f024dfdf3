using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Sources;

/// <summary>
/// The declared sources of an installation, ids unique. <see cref="Shipped"/> holds the declarations shipped in
/// <c>rules/sources/</c> (compiled in, so that every part of the program reads the same ones).
/// </summary>
public sealed class SourceCatalog
{
    private readonly Dictionary<string, SourceDeclaration> byId;

    private SourceCatalog(IEnumerable<SourceDeclaration> sources)
    {
        Sources = sources.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        byId = Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Every declaration, ordered by id.</summary>
    public IReadOnlyList<SourceDeclaration> Sources { get; }

    public SourceDeclaration? Find(string id) => byId.GetValueOrDefault(id);

    public bool Declares(string id) => byId.ContainsKey(id);

    /// <summary>Loads declaration files (name and text).</summary>
    /// <exception cref="RuleFileException">A file is invalid, or two files declare the same source.</exception>
    public static SourceCatalog Load(IEnumerable<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byId = new Dictionary<string, SourceDeclaration>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var declaration = SourceDeclarationLoader.Load(file);
            if (!byId.TryAdd(declaration.Id, declaration))
            {
                throw new RuleFileException(file.Name, 0, 0, $"source '{declaration.Id}' is already declared by {byId[declaration.Id].File}; each source needs its own file.");
            }
        }
        return new SourceCatalog(byId.Values);
    }

    /// <summary>
    /// An installation's catalog: the shipped declarations and a county's own (<c>sources/*.yaml</c> of its rules
    /// folder). A county file of a shipped source's id must be the shipped file (a copy of the program's rules
    /// folder); the program reads its sources as it ships them, so a changed copy is an error, not a silent override.
    /// </summary>
    /// <exception cref="RuleFileException">A county file is invalid, repeats another, or changes a shipped declaration.</exception>
    public static SourceCatalog Installation(IEnumerable<RuleFile> countyFiles)
    {
        ArgumentNullException.ThrowIfNull(countyFiles);
        var added = new List<RuleFile>();
        foreach (var file in countyFiles)
        {
            var declaration = SourceDeclarationLoader.Load(file);
            if (Shipped.Find(declaration.Id) is { } shipped)
            {
                if (!string.Equals(Normalise(file.Text), Normalise(ShippedTexts[shipped.File]), StringComparison.Ordinal))
                {
                    throw new RuleFileException(file.Name, 0, 0, $"source '{declaration.Id}' is shipped with the program and this file differs from the shipped one; declare a county's own source under a new id.");
                }
                continue;
            }
            added.Add(file);
        }
        if (added.Count == 0)
        {
            return Shipped;
        }
        var own = Load(added);
        return new SourceCatalog([.. Shipped.Sources, .. own.Sources]);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static readonly Dictionary<string, string> ShippedTexts = new(StringComparer.Ordinal);

    /// <summary>The shipped declarations (the files of <c>rules/sources/</c>, embedded at build).</summary>
    public static SourceCatalog Shipped { get; } = LoadShipped();

    private const string ResourcePrefix = "sources/";

    private static SourceCatalog LoadShipped()
    {
        var assembly = typeof(SourceCatalog).Assembly;
        var files = new List<RuleFile>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream);
            var file = new RuleFile(resource[ResourcePrefix.Length..], text.ReadToEnd());
            ShippedTexts[file.Name] = file.Text;
            files.Add(file);
        }
        return Load(files);
    }
}
