using ReliefMatch.Core.Findings;

namespace ReliefMatch.Core.Accuracy;

/// <summary>
/// A rule's measured accuracy in a month, from what the townships returned on the findings of the month's run: the
/// county's tally, each township's, and the 不属实 reasons grouped.
/// </summary>
/// <param name="Townships">Township → tally, ordinal order; only townships with a finding of the rule.</param>
public sealed record RuleAccuracy(string RuleId, OutcomeTally Total, IReadOnlyList<KeyValuePair<string, OutcomeTally>> Townships, IReadOnlyList<ReasonCount> Reasons)
{
    /// <summary>
    /// One entry per rule of <paramref name="ruleIds"/> (a rule without findings has a zero tally: shown, not dropped)
    /// and per other rule a finding names, in that order.
    /// </summary>
    public static IReadOnlyList<RuleAccuracy> Of(IEnumerable<string> ruleIds, IEnumerable<RuleOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        ArgumentNullException.ThrowIfNull(outcomes);
        var byRule = outcomes.ToLookup(o => o.RuleId, StringComparer.Ordinal);
        return ruleIds.Concat(byRule.Select(g => g.Key).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(id => Tally(id, byRule[id].ToList()))
            .ToList();
    }

    private static RuleAccuracy Tally(string ruleId, List<RuleOutcome> outcomes)
    {
        var townships = outcomes
            .GroupBy(o => o.Township, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, Count(g)))
            .ToList();
        var reasons = DismissalReasons.Group(outcomes.Where(o => o.Status == FindingStatus.Dismissed).Select(o => o.Reason));
        return new RuleAccuracy(ruleId, Count(outcomes), townships, reasons);
    }

    private static OutcomeTally Count(IEnumerable<RuleOutcome> outcomes)
    {
        int confirmed = 0, dismissed = 0, open = 0;
        foreach (var o in outcomes)
        {
            switch (o.Status)
            {
                case FindingStatus.Confirmed: confirmed++; break;
                case FindingStatus.Dismissed: dismissed++; break;
                default: open++; break;
            }
        }
        return new OutcomeTally(confirmed, dismissed, open);
    }
}
