using System.ComponentModel;
using System.Globalization;
using Hangfire.Server;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// <c>dibao-sample</c>: for a month P, draws at least half (rounded up) of each home township's households
/// newly approved for 低保 in P (<see cref="NewDibaoApprovals"/>, from the roster snapshot of P) for the
/// county's online review, reproducibly (<see cref="DibaoSampler"/>), and stores the draw with its seed. A
/// township's draw is made once: a repeat (a retry, a second server, a later roster) keeps it and says so; except
/// that a draw made before P's own roster arrived is drawn again from it while no 核查结果 is recorded on it
/// (<see cref="SampleDrawStore"/>). The import of a roster stamped P queues this job for P when P has draws.
/// </summary>
public sealed class DibaoSampleJob(JobsOptions options, TimeProvider time, JobExecution execution)
{
    [DisplayName("低保新增线上核查抽样（上月）")]
    public Task DrawPreviousMonthAsync(PerformContext? context, CancellationToken cancellationToken) =>
        DrawMonthAsync(JobPeriods.Previous(context, time), context, cancellationToken);

    [DisplayName("低保新增线上核查抽样 {0}")]
    public Task DrawAsync(string period, PerformContext? context, CancellationToken cancellationToken) =>
        DrawMonthAsync(JobPeriods.Parse(period), context, cancellationToken);

    private Task DrawMonthAsync(ReportingMonth period, PerformContext? context, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        return execution.RunAsync(JobNames.DibaoSample, key, JobExecution.LockFor(JobNames.DibaoSample, key), context, async (runId, ct) =>
        {
            var roster = await new RosterSnapshotLoader(options.Database.DataSource).LoadAsync(period, ct).ConfigureAwait(false);
            var home = options.Installation.HomeCountyCode;
            var approvals = NewDibaoApprovals.Of(roster.Rows, home, period);
            var sample = DibaoSampler.Draw(period, RosterHouseholds.HomeTownships(roster.Rows, home), approvals);
            var saved = await new SampleDrawStore(options.Database.DataSource, time).SaveAsync(sample, roster, runId, ct).ConfigureAwait(false);
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{sample.Townships.Count} 个乡镇，新审核认定 {approvals.Count} 户，抽取 {sample.Townships.Sum(t => t.Selected.Count)} 户核查（名册 {roster.Period ?? "无"}）；本次抽样 {saved.Drawn} 个乡镇，此前已抽样并保留 {saved.AlreadyDrawn} 个");
            if (saved.Redrawn.Count > 0)
            {
                detail += "；按本月名册重新抽样的乡镇：" + string.Join("、", saved.Redrawn);
            }
            return saved.ChangedSinceDraw.Count == 0
                ? detail
                : detail + "；名册现列出的新增户与抽样时不同的乡镇：" + string.Join("、", saved.ChangedSinceDraw);
        }, cancellationToken);
    }
}
