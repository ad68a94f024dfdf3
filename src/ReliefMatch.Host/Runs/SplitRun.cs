using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// The monthly run split by resident ID into parts (<see cref="IdPartition"/>) that any server may evaluate, each
/// on its own: <see cref="StartAsync"/> records the run, each part is evaluated by <see cref="EvaluatePartAsync"/>
/// (in whatever order, on whichever server), and the last part in hands the run to <see cref="MergeAsync"/>, which
/// saves the findings of all parts as one run and writes the outputs. The findings are those of one whole run.
/// Scheduling the parts is the caller's (the jobs of Host/Jobs).
/// </summary>
public sealed class SplitRun(NpgsqlDataSource dataSource, RuleSet rules, Installation installation, TimeProvider time, ILogger logger)
{
    /// <summary>Records a run of <paramref name="period"/> split into <paramref name="parts"/> parts; returns its id.</summary>
    public async Task<long> StartAsync(ReportingMonth period, int parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 2);
        await RunRefusedException.EnsureStampedAsync(dataSource, period, cancellationToken).ConfigureAwait(false);
        var runId = await new FindingStore(dataSource, time).StartRunAsync(period, cancellationToken).ConfigureAwait(false);
        await new RunParts(dataSource, time).SplitAsync(runId, parts, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("run {RunId} of {Period}: split into {Parts} parts by resident ID", runId, period, parts);
        return runId;
    }

    /// <summary>
    /// Loads what part <paramref name="part"/> sees, evaluates the rules and keeps the findings it owns. Returns true
    /// when this was the last part of the run to come in: the run is then due for <see cref="MergeAsync"/>.
    /// </summary>
    public async Task<bool> EvaluatePartAsync(long runId, IdPartition part, string? server, CancellationToken cancellationToken = default)
    {
        var parts = new RunParts(dataSource, time);
        var state = await parts.RunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state.Parts != part.Count)
        {
            throw new InvalidOperationException($"Run {runId} is split into {state.Parts?.ToString() ?? "no"} parts, not {part.Count}.");
        }
        var clock = Stopwatch.StartNew();
        var run = new MonthlyRun(dataSource, rules, installation, time, logger);
        var digest = await run.DigestAsync(state.Period, cancellationToken).ConfigureAwait(false);
        var (findings, townships) = await EvaluateAsync(state.Period, part, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("run {RunId} part {Part}: {Findings} findings in {Seconds:F1} s", runId, part, findings.Count, clock.Elapsed.TotalSeconds);
        return await parts.SaveAsync(new RunPart(runId, part.Index, part.Count, digest, townships, findings, server, clock.Elapsed.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the findings of all parts as the run's and writes the outputs into <paramref name="outputDirectory"/>
    /// (none when null). Returns null when the run is not running any more (merged already by a repeated delivery,
    /// or failed). Fails the run when a part is missing or the parts saw different extracts or rules.
    /// </summary>
    public async Task<MonthlyRunResult?> MergeAsync(long runId, string? outputDirectory, CancellationToken cancellationToken = default)
    {
        var parts = new RunParts(dataSource, time);
        var store = new FindingStore(dataSource, time);
        var period = (await parts.RunAsync(runId, cancellationToken).ConfigureAwait(false)).Period;
        await using var periodLock = await store.LockPeriodAsync(period, cancellationToken).ConfigureAwait(false);
        var state = await parts.RunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (!state.IsRunning)
        {
            return null;
        }
        try
        {
            var all = await parts.LoadAsync(runId, cancellationToken).ConfigureAwait(false);
            if (state.Parts is not { } count || all.Count != count)
            {
                throw new InvalidOperationException($"Run {runId} has {all.Count} of its {state.Parts} parts; it cannot be merged.");
            }
            var run = new MonthlyRun(dataSource, rules, installation, time, logger);
            var digest = await run.DigestAsync(period, cancellationToken).ConfigureAwait(false);
            if (all.Any(p => p.Inputs != digest))
            {
                throw new InvalidOperationException(
                    $"运行 {runId} 的各片比对期间，导入的数据或规则有了变化；请重新运行 {period}。");
            }
            var findings = FindingEngine.Merge(all.Select(p => p.Findings));
            var townships = all[0].Townships;
            var stored = await run.SaveAsync(runId, period, digest, findings, townships, cancellationToken).ConfigureAwait(false);
            var written = await run.WriteOutputsAsync(new MonthlyRunRequest(period, null, outputDirectory), [], stored, townships, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("run {RunId} of {Period}: {Parts} parts merged, {Findings} findings saved", runId, period, count, findings.Count);
            return new MonthlyRunResult(runId, period, [], written.Findings, townships, written.Outputs, []) { Statistics = written.Statistics, Skipped = written.Skipped };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FailRunAsync(runId, e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Marks the run failed (a part failed for good): its parts are not merged.</summary>
    public Task FailAsync(long runId, string why, CancellationToken cancellationToken = default) =>
        new FindingStore(dataSource, time).FailRunAsync(runId, why, cancellationToken);

    private async Task<(IReadOnlyList<ReliefMatch.Core.Findings.Finding> Findings, IReadOnlyList<string> Townships)> EvaluateAsync(
        ReportingMonth period, IdPartition part, CancellationToken cancellationToken)
    {
        var data = await new ExtractSetLoader(dataSource, rules.Sources, tiedRecordsOnly: FindingEngine.TiedRecordsOnly(rules)).LoadAsync(period, part, cancellationToken).ConfigureAwait(false);
        return (FindingEngine.EvaluatePart(data, period, rules, part, installation.County), MonthlyRun.HomeTownships(data, installation.HomeCountyCode));
    }
}
