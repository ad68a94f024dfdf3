using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Places;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// Turns a month's data into findings, with the meaning of docs/rules.md. Pure and deterministic: the same data,
/// period and rules give the same findings in the same order (township, village, household, rule, ID,
/// discriminator), whatever the number of cores.
/// </summary>
public static class FindingEngine
{
    /// <summary>
    /// Evaluates every enabled rule of <paramref name="rules"/> for period <paramref name="period"/>, except those
    /// whose input the month lacks (<see cref="Skipped"/>): they raise nothing.
    /// </summary>
    /// <param name="home">
    /// The installation's county: only its roster rows produce findings about households, and evidence names it.
    /// </param>
    public static IReadOnlyList<Finding> Evaluate(ExtractSet data, ReportingMonth period, RuleSet rules, HomeCounty home)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(home);
        var skipped = Skipped(data, rules).Select(s => s.RuleId).ToHashSet(StringComparer.Ordinal);
        var enabled = rules.Enabled.Where(r => !skipped.Contains(r.Id)).ToList();
        if (enabled.Count == 0)
        {
            return [];
        }
        // Everything the checks share, as their kinds declare it, is computed first (each part in parallel over
        // its records); the checks then only read it, so they run side by side, each into its own list.
        var month = MonthEvaluation.Prepare(data, period, home, enabled.Select(RuleChecks.Needs));
        var perRule = new List<Finding>[enabled.Count];
        Parallel.For(0, enabled.Count, i =>
        {
            var findings = new List<Finding>();
            RuleChecks.Run(month, enabled[i], findings);
            perRule[i] = findings;
        });
        var findings = new List<Finding>(perRule.Sum(f => f.Count));
        foreach (var part in perRule)
        {
            findings.AddRange(part);
        }
        findings.Sort(Compare);
        return findings;
    }

    /// <summary>
    /// The declared sources of which the enabled rules of <paramref name="rules"/> use only records tied to a person of
    /// the month's index (<see cref="RuleNeeds.TiedRecordsOnly"/>): every rule naming the source says so, and some rule
    /// names it, or the source is one of deaths (its rows reach the rules as death matches only, as the typed death
    /// sources' do). A loader may leave out their records whose valid ID no person of the roster set or the monitoring
    /// snapshot holds: the findings are the same.
    /// </summary>
    public static IReadOnlySet<string> TiedRecordsOnly(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tiedOnly = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var needs in rules.Enabled.Select(RuleChecks.Needs))
        {
            foreach (var source in needs.DeclaredSources.SelectMany(g => g).Concat(needs.OptionalDeclaredSources).Distinct(StringComparer.Ordinal))
            {
                tiedOnly[source] = tiedOnly.GetValueOrDefault(source, true) && needs.TiedRecordsOnly.Contains(source, StringComparer.Ordinal);
            }
        }
        foreach (var declaration in rules.Sources.Sources.Where(d => d.DeathDate is not null))
        {
            tiedOnly.TryAdd(declaration.Id, true);
        }
        return tiedOnly.Where(s => s.Value).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The enabled rules that raise nothing for <paramref name="data"/> because a source or roster column they read is missing.</summary>
    public static IReadOnlyList<RuleSkip> Skipped(ExtractSet data, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return RuleInputs.Skipped(rules.Rules, MonthSources.Of(data), rules.Sources);
    }

    /// <summary>
    /// Evaluates one part of a run split by ID (<see cref="IdPartition"/>): <paramref name="data"/> must hold the
    /// whole roster set and monitoring snapshot and the departmental records the part gets. Returns the findings
    /// the part owns, in the order of <see cref="Evaluate"/>.
    /// </summary>
    public static IReadOnlyList<Finding> EvaluatePart(ExtractSet data, ReportingMonth period, RuleSet rules, IdPartition part, HomeCounty home) =>
        Evaluate(data, period, rules, home).Where(part.Owns).ToList();

    /// <summary>
    /// The findings of a whole run from those of its parts (<see cref="EvaluatePart"/>), in the order
    /// <see cref="Evaluate"/> gives. Throws when two parts gave a finding with the same key.
    /// </summary>
    public static IReadOnlyList<Finding> Merge(IEnumerable<IReadOnlyList<Finding>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var findings = parts.SelectMany(p => p).ToList();
        var keys = new HashSet<string>(findings.Count, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!keys.Add(finding.Key))
            {
                throw new InvalidOperationException($"Two parts of the run both gave the finding '{finding.Key}'.");
            }
        }
        findings.Sort(Compare);
        return findings;
    }

    private static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Township, b.Township);
        c = c != 0 ? c : string.CompareOrdinal(a.Village, b.Village);
        c = c != 0 ? c : string.CompareOrdinal(a.HouseholdId, b.HouseholdId);
        c = c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        c = c != 0 ? c : string.CompareOrdinal(a.IdNumber, b.IdNumber);
        return c != 0 ? c : string.CompareOrdinal(a.Discriminator, b.Discriminator);
    }
}
