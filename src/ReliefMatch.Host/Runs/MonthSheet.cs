using Npgsql;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Storage.Statistics;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// The 统计表 of a month as the run writes it and the workplace shows it: the findings of the month together with
/// what storage holds for the other cells (<see cref="StatisticsSourceLoader"/>), counted by <see cref="SheetStatistics"/>.
/// One place, so that a download from the workplace says what the run's own file says.
/// </summary>
public static class MonthSheet
{
    /// <summary>The month's statistics and the enabled rules that raised nothing for want of an input.</summary>
    /// <param name="loading">What <see cref="StatisticsSourceLoader.LoadAsync"/> gives for the month, when the caller started reading it already.</param>
    public static async Task<(MonthStatistics Statistics, IReadOnlyList<RuleSkip> Skipped)> CountAsync(NpgsqlDataSource dataSource, RuleSet rules,
        string homeCountyCode, ReportingMonth period, IReadOnlyList<RunFinding> findings, IReadOnlyList<string> townships, CancellationToken cancellationToken,
        Task<StatisticsData>? loading = null)
    {
        var data = await (loading ?? new StatisticsSourceLoader(dataSource, rules.Sources).LoadAsync(period, homeCountyCode, cancellationToken)).ConfigureAwait(false);
        var skipped = RuleInputs.Skipped(rules.Rules, data.Month, rules.Sources);
        var ran = rules.Enabled.Select(r => r.Id).Except(skipped.Select(s => s.RuleId), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var statistics = SheetStatistics.Compute(data.Input with
        {
            HomeTownships = townships,
            Findings = findings,
            RulesRun = ran,
        });
        return (statistics, skipped);
    }
}
