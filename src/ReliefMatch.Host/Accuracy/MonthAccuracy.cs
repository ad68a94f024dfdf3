using System.Globalization;
using Npgsql;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Accuracy;

/// <summary>
/// A month's measured accuracy, as the county page, the home page and <c>reliefmatch accuracy</c> show it: per rule the
/// findings of the month's run by where they stand now (属实, 不属实, not answered) with precision and n, per township,
/// and the 不属实 reasons grouped; and the control list's answers: the miss rate (有问题 among the answered) with n, per
/// township, and the problems found, grouped as the reasons are.
/// </summary>
/// <param name="Controls">The county's control tally; <see cref="ControlTally.Zero"/> when the month has no list.</param>
/// <param name="ControlTownships">Township → its control tally, ordinal order.</param>
/// <param name="ControlProblems">What 有问题 answers said (处置情况), grouped.</param>
public sealed record MonthAccuracy(ReportingMonth Period, IReadOnlyList<RuleAccuracy> Rules, ControlTally Controls,
    IReadOnlyList<KeyValuePair<string, ControlTally>> ControlTownships, IReadOnlyList<ReasonCount> ControlProblems)
{
    /// <summary>Whether the month has a control list at all.</summary>
    public bool HasControlList { get; init; }

    /// <summary>Reads the month from storage: the findings its run produced (as they stand now) and its control list (not walled: the county's view).</summary>
    public static async Task<MonthAccuracy> LoadAsync(NpgsqlDataSource dataSource, TimeProvider time, RuleSet rules, ReportingMonth period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var findings = await new FindingQueries(dataSource).ForPeriodAsync(period, null, cancellationToken).ConfigureAwait(false);
        var outcomes = findings.Select(f => new RuleOutcome(f.Finding.RuleId, f.Finding.Township, f.Status, f.DispositionReason));
        var draws = await new ControlListStore(dataSource, time).ListAsync(period, null, cancellationToken).ConfigureAwait(false);
        var townships = draws.Select(d => KeyValuePair.Create(d.Township, Tally(d.Items))).ToList();
        var problems = DismissalReasons.Group(draws.SelectMany(d => d.Items)
            .Where(i => i.Answer?.Result == ControlResult.Problem).Select(i => i.Answer!.Remarks));
        return new MonthAccuracy(period, RuleAccuracy.Of(rules.Rules.Select(r => r.Id), outcomes),
            townships.Aggregate(ControlTally.Zero, (sum, t) => sum.Plus(t.Value)), townships, problems)
        {
            HasControlList = draws.Count > 0,
        };
    }

    private static ControlTally Tally(IEnumerable<StoredControlItem> items)
    {
        int problem = 0, fine = 0, open = 0;
        foreach (var item in items)
        {
            switch (item.Answer?.Result)
            {
                case ControlResult.Problem: problem++; break;
                case ControlResult.NoProblem: fine++; break;
                default: open++; break;
            }
        }
        return new ControlTally(problem, fine, open);
    }

    /// <summary>A share as the pages print it: <c>83.3%</c>; <c>—</c> when there is no figure (nothing answered).</summary>
    public static string Percent(decimal? share) =>
        share is { } s ? (s * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
