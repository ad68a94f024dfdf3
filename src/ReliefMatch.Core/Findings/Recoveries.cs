using ReliefMatch.Core.Rules;

namespace ReliefMatch.Core.Findings;

/// <summary>A confirmed finding of a month and the overpayment it concerns: one person's money to recover.</summary>
public sealed record Recovery(RunFinding Finding, Overpayment Overpayment);

/// <summary>A township's 应追回资金 of a month: how many persons, how many months paid after death, and the total.</summary>
public sealed record TownshipRecovery(string Township, int Persons, int Months, decimal Amount);

/// <summary>
/// 应追回资金: the overpayments a month's findings concern, and those of the confirmed (属实) findings summed per
/// township. A death is the date after which payments are wrong: a <c>paid-after-death</c> finding states the months
/// paid after it and their total, and a <c>deceased-recipient</c> finding of the same person in the same month
/// concerns the same money. Either one confirmed makes it money to recover; a person counts once, so that a death
/// raised by both rules is not recovered twice. Open and dismissed (不属实) findings count nothing.
/// </summary>
public static class Recoveries
{
    /// <summary>
    /// Finding key → the overpayment it concerns, for the findings of one month's run that concern one: a
    /// paid-after-death finding its own; a deceased-recipient finding that of the paid-after-death finding of the
    /// same person (ID number) among the month's findings.
    /// </summary>
    public static IReadOnlyDictionary<string, Overpayment> Of(IEnumerable<Finding> month, Func<string, RuleKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(kindOf);
        var findings = month.ToList();
        var byPerson = new Dictionary<string, Overpayment>(StringComparer.Ordinal);
        foreach (var f in findings.Where(f => kindOf(f.RuleId) == RuleKind.PaidAfterDeath).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (Overpayment.StatedBy(f) is { } stated)
            {
                byPerson.TryAdd(f.IdNumber, stated);
            }
        }
        var result = new Dictionary<string, Overpayment>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var overpayment = kindOf(f.RuleId) switch
            {
                RuleKind.PaidAfterDeath => Overpayment.StatedBy(f),
                RuleKind.DeceasedRecipient => byPerson.GetValueOrDefault(f.IdNumber),
                _ => null,
            };
            if (overpayment is not null)
            {
                result[f.Key] = overpayment;
            }
        }
        return result;
    }

    /// <summary>
    /// The money to recover of one month's run: one entry per person with a confirmed finding concerning an
    /// overpayment (the person's paid-after-death finding when that one is confirmed, else the death finding), in
    /// township, village, name order.
    /// </summary>
    public static IReadOnlyList<Recovery> Confirmed(IEnumerable<RunFinding> month, Func<string, RuleKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(month);
        var findings = month.ToList();
        var overpayments = Of(findings.Select(f => f.Finding), kindOf);
        return findings
            .Where(f => f.Status == FindingStatus.Confirmed && overpayments.ContainsKey(f.Finding.Key))
            .OrderBy(f => kindOf(f.Finding.RuleId) == RuleKind.PaidAfterDeath ? 0 : 1).ThenBy(f => f.Finding.Key, StringComparer.Ordinal)
            .DistinctBy(f => f.Finding.IdNumber, StringComparer.Ordinal)
            .Select(f => new Recovery(f, overpayments[f.Finding.Key]))
            .OrderBy(r => r.Finding.Finding.Township, StringComparer.Ordinal).ThenBy(r => r.Finding.Finding.Village, StringComparer.Ordinal)
            .ThenBy(r => r.Finding.Finding.Name, StringComparer.Ordinal).ThenBy(r => r.Finding.Finding.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The recoveries summed per township, in ordinal order.</summary>
    public static IReadOnlyList<TownshipRecovery> ByTownship(IEnumerable<Recovery> recoveries) =>
        recoveries.GroupBy(r => r.Finding.Finding.Township, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TownshipRecovery(g.Key, g.Count(), g.Sum(r => r.Overpayment.Months.Count), g.Sum(r => r.Overpayment.Amount)))
            .ToList();
}
