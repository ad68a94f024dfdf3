using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// Whether each rule's sources and roster columns, as its kind declares them, are there for a month (docs/rules.md, "A
/// rule whose input is missing"). A rule
/// whose source the month lacks, or whose column no roster file of the month has, raises nothing: it must not
/// read the absence as "every person is missing the value".
/// </summary>
public static class RuleInputs
{
    /// <summary>The enabled rules of <paramref name="rules"/> that <paramref name="month"/> cannot feed, in rule order.</summary>
    /// <param name="sources">The installation's declared sources, for the names the reasons give; the shipped ones unless given.</param>
    public static IReadOnlyList<RuleSkip> Skipped(IEnumerable<Rule> rules, MonthSources month, Sources.SourceCatalog? sources = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Where(r => r.Enabled).Select(r => Missing(r, month, sources) is { } reason ? new RuleSkip(r.Id, reason) : null)
            .OfType<RuleSkip>().ToList();
    }

    /// <summary>Why <paramref name="rule"/> cannot run on <paramref name="month"/>; null when it can.</summary>
    /// <remarks>What the rule reads is what its kind declares (<see cref="RuleNeeds"/>).</remarks>
    public static string? Missing(Rule rule, MonthSources month, Sources.SourceCatalog? sources = null)
    {
        var catalog = sources ?? Sources.SourceCatalog.Shipped;
        string DeclaredName(string source) => catalog.Find(source)?.ChineseName ?? source;
        string DeclaredHeader(DeclaredField field) => catalog.Find(field.Source)?.Field(field.Field)?.Headers[0] ?? field.Field;
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(month);
        var needs = Matching.RuleChecks.Needs(rule);
        foreach (var group in needs.Sources)
        {
            if (AnyOf(month, group) is { } missing)
            {
                return missing;
            }
        }
        foreach (var group in needs.DeclaredSources)
        {
            if (!group.Any(month.Has))
            {
                return "本月没有" + string.Join("或", group.Select(DeclaredName)) + "数据";
            }
        }
        var fields = needs.DeclaredFields.Where(f => !month.Has(f)).ToList();
        if (fields.Count > 0)
        {
            return string.Join("；", fields.Select(f => $"本月{DeclaredName(f.Source)}没有“{DeclaredHeader(f)}”列"));
        }
        return needs.RosterColumns.Count == 0 ? null : Columns(month, [.. needs.RosterColumns]);
    }

    private static string? AnyOf(MonthSources month, IReadOnlyList<SourceKind> sources) =>
        sources.Any(month.Has) ? null : "本月没有" + string.Join("或", sources.Select(s => s.ChineseName())) + "数据";

    private static string? Columns(MonthSources month, params RosterColumn[] columns)
    {
        var missing = columns.Where(c => !month.Has(c)).ToList();
        return missing.Count == 0 ? null : "本月花名册没有" + string.Join("、", missing.Select(c => $"“{c.Header()}”")) + "列";
    }
}
