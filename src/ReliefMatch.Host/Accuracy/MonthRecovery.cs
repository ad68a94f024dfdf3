using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Accuracy;

/// <summary>
/// A month's 应追回资金, as the month page, the township page and the finding pages show it: the overpayment each of the
/// month's findings concerns (<see cref="Overpayments"/>, by finding key, whatever its status), and the confirmed ones,
/// one per person, summed per township (<see cref="Recoveries"/>). Read through <see cref="FindingQueries"/>, so a
/// township user sees their own township's only.
/// </summary>
public sealed record MonthRecovery(ReportingMonth Period, IReadOnlyDictionary<string, Overpayment> Overpayments,
    IReadOnlyList<Recovery> Confirmed, IReadOnlyList<TownshipRecovery> Townships)
{
    /// <summary>The county's (or the one township's) total to recover.</summary>
    public decimal Total => Townships.Sum(t => t.Amount);

    /// <summary>The month's recovery from the findings its run produced (as they stand now).</summary>
    public static MonthRecovery Of(ReportingMonth period, IEnumerable<WorkplaceFinding> findings, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);
        var ofMonth = findings.Select(f => f.ToRunFinding()).ToList();
        RuleKind? KindOf(string ruleId) => rules.Find(ruleId)?.Kind;
        var confirmed = Recoveries.Confirmed(ofMonth, KindOf);
        return new MonthRecovery(period, Recoveries.Of(ofMonth.Select(f => f.Finding), KindOf), confirmed,
            Recoveries.ByTownship(confirmed));
    }

    /// <summary>Reads the findings of the month's run, of one township when given, and takes their recovery.</summary>
    public static async Task<MonthRecovery> LoadAsync(FindingQueries queries, RuleSet rules, ReportingMonth period, string? township, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Of(period, await queries.ForPeriodAsync(period, township, cancellationToken).ConfigureAwait(false), rules);
    }

    /// <summary>The overpayment one finding concerns in a month (null when none): read with the month's findings of its township.</summary>
    public static async Task<Overpayment?> OfFindingAsync(FindingQueries queries, RuleSet rules, ReportingMonth period, string key, string township,
        CancellationToken cancellationToken) =>
        (await LoadAsync(queries, rules, period, township, cancellationToken).ConfigureAwait(false)).Overpayments.GetValueOrDefault(key);
}
