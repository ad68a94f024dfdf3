namespace ReliefMatch.Core.Rules;

/// <summary>The spelling of each <see cref="RuleKind"/> in rule files.</summary>
public static class RuleKinds
{
    public static IReadOnlyList<RuleKind> All { get; } = Enum.GetValues<RuleKind>();

    private static readonly Dictionary<RuleKind, string> Ids = All.ToDictionary(k => k, k => Spelling.Kebab(k.ToString()));

    /// <summary>The enum name in kebab case, e.g. <c>deceased-recipient</c>.</summary>
    public static string Id(this RuleKind kind) => Ids[kind];

    public static bool TryParse(string? id, out RuleKind kind)
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
}
