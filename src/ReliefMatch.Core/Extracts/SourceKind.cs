using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Extracts;

/// <summary>
/// The departmental sources the program has record types and checks for; each is declared by a shipped file
/// (<c>rules/sources/&lt;id&gt;.yaml</c>) that gives its names, policy, fields and header spellings. The drop
/// folder has one sub-folder per source id.
/// </summary>
public enum SourceKind
{
    Roster,
    PoliceDeaths,
    HealthDeaths,
    Disability,
    Medical,
    Monitoring,
}

public static class SourceKinds
{
    public static IReadOnlyList<SourceKind> All { get; } = Enum.GetValues<SourceKind>();

    /// <summary>The sources whose records are deaths (<see cref="DeathRecord"/>), kept in one table and read as death evidence.</summary>
    public static IReadOnlyList<SourceKind> Deaths { get; } = [SourceKind.PoliceDeaths, SourceKind.HealthDeaths];

    private static readonly string[] Ids = [.. All.Select(k => Rules.Spelling.Kebab(k.ToString()))];

    /// <summary>The source id (the enum name in kebab case): the drop-folder name and the name used in rule files and reports.</summary>
    public static string Id(this SourceKind kind) => Ids[(int)kind];

    /// <summary>The source's shipped declaration (<c>rules/sources/&lt;id&gt;.yaml</c>).</summary>
    public static SourceDeclaration Declaration(this SourceKind kind) =>
        SourceCatalog.Shipped.Find(kind.Id()) ?? throw new InvalidOperationException($"No source declaration {kind.Id()}.yaml is shipped.");

    /// <summary>How the source is called in Chinese, for reports and evidence (the declaration's <c>names.zh</c>).</summary>
    public static string ChineseName(this SourceKind kind) => kind.Declaration().ChineseName;

    public static bool TryParse(string? id, out SourceKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Id(), id, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Whether the source's declared policy is snapshot: it describes the whole population each month.</summary>
    public static bool IsSnapshot(this SourceKind kind) => kind.Declaration().Policy == SourcePolicy.Snapshot;
}
