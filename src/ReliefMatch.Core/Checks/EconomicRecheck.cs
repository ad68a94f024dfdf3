using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Checks;

/// <summary>
/// The semiannual economic re-check (至少每半年对在享人员核对排查1次): which enrolled households are due, and
/// when. Covers every home-county household with a member enrolled in dibao or tekun. A household is due
/// <see cref="DefaultIntervalMonths"/> calendar months after its latest 最近核对日期 (2023-01-31 + 6 months =
/// 2023-07-31) and overdue on a date D when it was never checked or its due date is before D — the same test as
/// the rule <c>economic-check-overdue</c> (docs/rules.md), so that the overdue list of a month and that rule's
/// findings name the same households.
/// </summary>
public static class EconomicRecheck
{
    public const int DefaultIntervalMonths = 6;

    /// <summary>
    /// Every enrolled dibao or tekun household of the home county with its due date, overdue ones marked as of
    /// <paramref name="asOf"/>; ordered by township, village, household id (ordinal).
    /// </summary>
    public static IReadOnlyList<RecheckDue> DueList(IReadOnlyList<RosterRecord> roster, string homeCounty, DateOnly asOf,
        int intervalMonths = DefaultIntervalMonths, IReadOnlyList<IEconomicEvidenceSource>? sources = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMonths, 1);
        var interval = new RecheckIntervalParameters(intervalMonths);
        var due = new List<RecheckDue>();
        foreach (var household in RosterHouseholds.OfHomeCounty(roster, homeCounty))
        {
            if (!household.HasEnrolledDibaoOrTekun)
            {
                continue;
            }
            var last = household.LastCheckOn;
            var signals = sources is null or { Count: 0 }
                ? (IReadOnlyList<EconomicSignal>)[]
                : sources.SelectMany(s => s.Signals(household, asOf)).ToArray();
            due.Add(new RecheckDue(
                household.HouseholdId,
                household.Township,
                household.Village,
                household.Head.Name,
                household.Head.Id.Text,
                household.EnrolledProgrammes.Where(p => p.IsDibao() || p == Programme.Tekun).ToArray(),
                last,
                last?.AddMonths(intervalMonths),
                interval.IsOverdue(last, asOf),
                signals));
        }
        return due
            .OrderBy(d => d.Township, StringComparer.Ordinal)
            .ThenBy(d => d.Village, StringComparer.Ordinal)
            .ThenBy(d => d.HouseholdId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The households of <see cref="DueList"/> that are overdue on <paramref name="asOf"/> (for a month P: end(P)).</summary>
    public static IReadOnlyList<RecheckDue> Overdue(IReadOnlyList<RosterRecord> roster, string homeCounty, DateOnly asOf,
        int intervalMonths = DefaultIntervalMonths, IReadOnlyList<IEconomicEvidenceSource>? sources = null) =>
        DueList(roster, homeCounty, asOf, intervalMonths, sources).Where(d => d.Overdue).ToList();
}
