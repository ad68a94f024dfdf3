using System.ComponentModel;
using System.Globalization;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Jobs;

/// <summary>
/// <c>monthly-run</c>: the monthly run of a period over what is imported (the inbox is imported by
/// <c>import-inbox</c>), with its outputs — the 统计表, the worklists, findings.csv — written to
/// <c>&lt;outputs&gt;/&lt;period&gt;/</c>. The findings are saved in one transaction (FindingStore) and the
/// outputs are written into a fresh folder that then replaces the old one, so a run cut off mid-way and run
/// again leaves what one clean run leaves. The run itself is recorded in reliefmatch.runs as well.
/// </summary>
public sealed class MonthlyRunJob(JobsOptions options, TimeProvider time, JobExecution execution, ILogger<MonthlyRunJob> logger)
{
    /// <summary>The scheduled run: the month before the one the job was created in.</summary>
    [DisplayName("monthly-run 月度比对 (上月)")]
    public Task RunPreviousMonthAsync(PerformContext? context, CancellationToken cancellationToken) =>
        RunMonthAsync(JobPeriods.Previous(context, time), context, cancellationToken);

    [DisplayName("monthly-run 月度比对 {0}")]
    public Task RunAsync(string period, PerformContext? context, CancellationToken cancellationToken) =>
        RunMonthAsync(JobPeriods.Parse(period), context, cancellationToken);

    private Task RunMonthAsync(ReportingMonth period, PerformContext? context, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        return execution.RunAsync(JobNames.MonthlyRun, key, JobExecution.LockFor(JobNames.MonthlyRun, key), context, async (_, ct) =>
        {
            var rules = RuleFolder.Load(RuleFolder.Resolve(options.RulesFolder));
            var outputs = options.EffectiveOutputs;
            Directory.CreateDirectory(outputs);
            var final = Path.Combine(outputs, key);
            var fresh = Path.Combine(outputs, $".{key}.{Guid.NewGuid():N}");
            try
            {
                var result = await new MonthlyRun(options.Database.DataSource, rules, options.Installation, time, logger)
                    .ExecuteAsync(new MonthlyRunRequest(period, null, fresh), null, ct).ConfigureAwait(false);
                Replace(final, fresh);
                var newFindings = result.Findings.Count(f => f.FirstSeen == period);
                return string.Create(CultureInfo.InvariantCulture,
                    $"run {result.RunId}: {result.Findings.Count} findings, {newFindings} first raised in {key}; {result.Outputs?.Files.Count ?? 0} files in outputs/{key}/");
            }
            finally
            {
                if (Directory.Exists(fresh))
                {
                    Directory.Delete(fresh, recursive: true);
                }
            }
        }, cancellationToken);
    }

    /// <summary>Puts the freshly written folder in place of the old one (a folder rename is atomic; the old one goes first).</summary>
    private static void Replace(string final, string fresh)
    {
        if (Directory.Exists(final))
        {
            var old = Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.old-{Guid.NewGuid():N}");
            Directory.Move(final, old);
            Directory.Move(fresh, final);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(fresh, final);
        }
    }
}
