using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// The sources and roster columns each kind of rule reads (docs/rules.md, "A rule whose input is missing"). A rule
/// whose source the month lacks, or whose column no roster file of the month has, raises nothing: it must not
/// read the absence as "every person is missing the value".
/// </summary>
public static class RuleInputs
{
    /// <summary>The enabled rules of <paramref name="rules"/> that <paramref name="month"/> cannot feed, in rule order.</summary>
    public static IReadOnlyList<RuleSkip> Skipped(IEnumerable<Rule> rules, MonthSources month)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Where(r => r.Enabled).Select(r => Missing(r, month) is { } reason ? new RuleSkip(r.Id, reason) : null)
            .OfType<RuleSkip>().ToList();
    }

    /// <summary>Why <paramref name="rule"/> cannot run on <paramref name="month"/>; null when it can.</summary>
    public static string? Missing(Rule rule, MonthSources month)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(month);
        // The low-income rules find their people in the roster or in the monitoring extract; every other rule
        // starts from the roster.
        var people = rule.Parameters is MedicalCostParameters or SevereDisabilityParameters
            ? AnyOf(month, [SourceKind.Roster, SourceKind.Monitoring])
            : AnyOf(month, [SourceKind.Roster]);
        return people ?? rule.Parameters switch
        {
            DeathEvidenceParameters deaths => AnyOf(month, deaths.DeathSources),
            RecordSourcesParameters records => AnyOf(month, records.Sources),
            MedicalCostParameters => AnyOf(month, [SourceKind.Medical]),
            SevereDisabilityParameters => AnyOf(month, [SourceKind.Disability]),
            _ => rule.Kind switch
            {
                RuleKind.EconomicCheckOverdue => Columns(month, RosterColumn.LastCheckOn),
                RuleKind.HomeVisitOverdue => Columns(month, RosterColumn.LastVisitOn, RosterColumn.IncomeStable, RosterColumn.WorkAbility),
                _ => null,
            },
        };
    }

    private static string? AnyOf(MonthSources month, IReadOnlyList<SourceKind> sources) =>
        sources.Any(month.Has) ? null : "本月没有" + string.Join("或", sources.Select(s => s.ChineseName())) + "数据";

    private static string? Columns(MonthSources month, params RosterColumn[] columns)
    {
        var missing = columns.Where(c => !month.Has(c)).ToList();
        return missing.Count == 0 ? null : "本月花名册没有" + string.Join("、", missing.Select(c => $"“{c.Header()}”")) + "列";
    }
}
