using System.ComponentModel;
using System.Globalization;
using Hangfire.Server;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// The economic re-check lists (至少每半年对在享人员核对排查1次), built from the roster snapshot and stored
/// (reliefmatch.due_lists) for download:
/// <list type="bullet">
/// <item><c>economic-recheck</c> (1 January and 1 July): every enrolled dibao or tekun household of the home
/// county with its last check and due date, overdue ones marked as of the first day of the month;</item>
/// <item><c>overdue-list</c> (every 1st): the households overdue at the end of the previous month — the same
/// households the rule <c>economic-check-overdue</c> flags for that month.</item>
/// </list>
/// The interval is the rule file's (<c>economic-check-overdue</c>), else 6 months. Income and asset sources
/// registered as <see cref="IEconomicEvidenceSource"/> add their signals to each household.
/// </summary>
public sealed class DueListJobs(JobsOptions options, TimeProvider time, JobExecution execution, IEnumerable<IEconomicEvidenceSource> sources)
{
    private readonly IReadOnlyList<IEconomicEvidenceSource> _sources = sources.ToArray();

    [DisplayName("经济状况核对到期名单（本月）")]
    public Task RecheckThisMonthAsync(PerformContext? context, CancellationToken cancellationToken) =>
        BuildAsync(DueListKind.EconomicRecheck, JobPeriods.Current(context, time), context, cancellationToken);

    [DisplayName("经济状况核对到期名单 {0}")]
    public Task RecheckAsync(string period, PerformContext? context, CancellationToken cancellationToken) =>
        BuildAsync(DueListKind.EconomicRecheck, JobPeriods.Parse(period), context, cancellationToken);

    [DisplayName("经济状况核对逾期名单（上月）")]
    public Task OverduePreviousMonthAsync(PerformContext? context, CancellationToken cancellationToken) =>
        BuildAsync(DueListKind.Overdue, JobPeriods.Previous(context, time), context, cancellationToken);

    [DisplayName("经济状况核对逾期名单 {0}")]
    public Task OverdueAsync(string period, PerformContext? context, CancellationToken cancellationToken) =>
        BuildAsync(DueListKind.Overdue, JobPeriods.Parse(period), context, cancellationToken);

    private Task BuildAsync(DueListKind kind, ReportingMonth period, PerformContext? context, CancellationToken cancellationToken)
    {
        var job = kind == DueListKind.EconomicRecheck ? JobNames.EconomicRecheck : JobNames.OverdueList;
        var key = period.ToString();
        return execution.RunAsync(job, key, JobExecution.LockFor(job, key), context, async (runId, ct) =>
        {
            var interval = IntervalMonths();
            var roster = await new RosterSnapshotLoader(options.Database.DataSource).LoadAsync(period, ct).ConfigureAwait(false);
            var home = options.Installation.HomeCountyCode;
            // The re-check list is as of the first day of its month; the overdue list judges the month just ended.
            var asOf = kind == DueListKind.EconomicRecheck ? period.First : period.Last;
            var items = kind == DueListKind.EconomicRecheck
                ? EconomicRecheck.DueList(roster.Rows, home, asOf, interval, _sources)
                : EconomicRecheck.Overdue(roster.Rows, home, asOf, interval, _sources);
            var written = await new DueListStore(options.Database.DataSource, time).SaveAsync(kind, period, asOf, interval, items, roster, runId, ct).ConfigureAwait(false);
            return string.Create(CultureInfo.InvariantCulture,
                $"{items.Count} 户，截至 {asOf:yyyy-MM-dd} 逾期 {items.Count(i => i.Overdue)} 户（每 {interval} 个月核对一次；名册 {roster.Period ?? "无"}）；{(written ? "已保存" : "无变化")}");
        }, cancellationToken);
    }

    private int IntervalMonths()
    {
        var rules = RuleFolder.Load(RuleFolder.Resolve(options.RulesFolder));
        return rules.Find("economic-check-overdue")?.Parameters is RecheckIntervalParameters p ? p.IntervalMonths : EconomicRecheck.DefaultIntervalMonths;
    }
}
