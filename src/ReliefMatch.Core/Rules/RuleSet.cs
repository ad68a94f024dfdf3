namespace ReliefMatch.Core.Rules;

/// <summary>
/// The rules in force for a run: every rule file of the <c>rules/</c> folder, validated, ids unique.
/// Disabled rules are kept (they are listed) but not evaluated.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(IReadOnlyList<Rule> rules, Sources.SourceCatalog sources)
    {
        Rules = rules;
        Sources = sources;
    }

    /// <summary>The installation's declared sources the rules were read against (the shipped ones and the county's own).</summary>
    public Sources.SourceCatalog Sources { get; }

    /// <summary>All rules, ordered by id.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    public IEnumerable<Rule> Enabled => Rules.Where(r => r.Enabled);

    /// <summary>The monthly control list's size (<c>settings/control-list.yaml</c> beside the rule files; the default when there is none).</summary>
    public Accuracy.ControlListParameters ControlList { get; private init; } = Accuracy.ControlListParameters.Default;

    /// <summary>These rules with the control list's size read from its file.</summary>
    public RuleSet WithControlList(Accuracy.ControlListParameters controlList) =>
        new(Rules, Sources) { ControlList = controlList ?? throw new ArgumentNullException(nameof(controlList)) };

    public Rule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>Loads rule files (name and text). The host decides which files of the folder are rule files (<c>*.yaml</c>, <c>*.yml</c>).</summary>
    /// <param name="sources">The installation's declared sources; the shipped ones unless given.</param>
    /// <exception cref="RuleFileException">A file is invalid, or two files give the same rule id.</exception>
    public static RuleSet Load(IEnumerable<RuleFile> files, Sources.SourceCatalog? sources = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        sources ??= Core.Sources.SourceCatalog.Shipped;
        var byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var rule = RuleFileLoader.Load(file, sources);
            if (byId.TryGetValue(rule.Id, out var other))
            {
                throw new RuleFileException(file.Name, 0, 0, $"rule id '{rule.Id}' is already used by {other.File}; each rule needs its own id.");
            }
            byId.Add(rule.Id, rule);
        }
        return From(byId.Values, sources);
    }

    /// <summary>A rule set from rules already built (tests, or a host composing rules itself).</summary>
    public static RuleSet From(IEnumerable<Rule> rules, Sources.SourceCatalog? sources = null)
    {
        var list = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        for (var i = 1; i < list.Count; i++)
        {
            if (string.Equals(list[i].Id, list[i - 1].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Rule id '{list[i].Id}' appears twice.", nameof(rules));
            }
        }
        return new RuleSet(list, sources ?? Core.Sources.SourceCatalog.Shipped);
    }
}
