using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Readers;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// The monthly run: import what is new in the drop folder, evaluate every rule for the period against
/// everything imported so far, store the findings (keeping first-seen months and dispositions) and write the
/// outputs. The same inputs give the same state and byte-identical CSV/JSON outputs.
/// </summary>
public sealed class MonthlyRun(NpgsqlDataSource dataSource, RuleSet rules, Installation installation, TimeProvider time, ILogger logger)
{
    public async Task<MonthlyRunResult> ExecuteAsync(MonthlyRunRequest request, IProgress<(string File, long Rows)>? progress = null, CancellationToken cancellationToken = default)
    {
        var timings = new List<(string Stage, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();

        IReadOnlyList<FileReport> imports = [];
        if (request.InputDirectory is { } input)
        {
            var importer = new ExtractImporter(dataSource, time, null, logger, new ExtractReaderOptions { HomeCountyCode = installation.HomeCountyCode });
            imports = await importer.ImportFolderAsync(input, request.Period, progress, cancellationToken);
            timings.Add(("import", clock.Elapsed));
            clock.Restart();
        }

        var store = new FindingStore(dataSource, time);
        await using var periodLock = await store.LockPeriodAsync(request.Period, cancellationToken);
        var runId = await store.StartRunAsync(request.Period, cancellationToken);
        try
        {
            var inputs = new RunInputs(dataSource);
            var digest = await inputs.DigestAsync(request.Period, RulesDescription(rules, installation), cancellationToken);
            IReadOnlyList<StoredFinding> stored;
            IReadOnlyList<string> townships;
            bool reused;
            if (await inputs.LastAsync(request.Period, cancellationToken) is { } previous && previous.Digest == digest)
            {
                // Nothing new imported and the rules unchanged: evaluating again would give the same findings.
                stored = await store.LoadPeriodAsync(request.Period, id => rules.Find(id)?.Title ?? id, cancellationToken);
                townships = previous.Townships;
                await inputs.CompleteReusedAsync(runId, previous, time.GetUtcNow(), cancellationToken);
                timings.Add(("reuse", clock.Elapsed));
                clock.Restart();
                reused = true;
            }
            else
            {
                var data = await new ExtractSetLoader(dataSource).LoadAsync(request.Period, cancellationToken);
                timings.Add(("load", clock.Elapsed));
                clock.Restart();

                var findings = FindingEngine.Evaluate(data, request.Period, rules, installation.HomeCountyCode);
                timings.Add(("match", clock.Elapsed));
                clock.Restart();

                stored = await store.SaveRunAsync(request.Period, findings, runId, cancellationToken);
                townships = HomeTownships(data, installation.HomeCountyCode);
                await inputs.RecordAsync(runId, digest, townships, cancellationToken);
                timings.Add(("save", clock.Elapsed));
                clock.Restart();
                reused = false;
            }

            var runFindings = stored.Select(s => new RunFinding(s.Finding, s.FirstSeen, s.Status)).ToList();
            RunOutputs? outputs = null;
            if (request.OutputDirectory is { } output)
            {
                outputs = RunOutputWriter.Write(new RunOutputRequest
                {
                    OutputDirectory = output,
                    Period = request.Period,
                    CountyName = installation.CountyName,
                    HomeTownships = townships,
                    Findings = runFindings,
                    Imports = imports,
                    FullIds = request.FullIds,
                });
                timings.Add(("outputs", clock.Elapsed));
            }
            return new MonthlyRunResult(runId, request.Period, imports, runFindings, townships, outputs, timings, reused);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FailRunAsync(runId, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// What the findings depend on besides the extracts: every rule's definition, parameters included, and the
    /// home county. A changed rule file therefore forces a fresh evaluation.
    /// </summary>
    public static string RulesDescription(RuleSet rules, Installation installation) =>
        installation.HomeCountyCode + "\n" + string.Join("\n", rules.Rules.Select(r =>
            $"{r.Id}|{r.Version}|{r.Kind}|{r.Title}|{r.Action}|{r.DueDays}|{r.DataWarning}|{r.Enabled}|{System.Text.Json.JsonSerializer.Serialize((object)r.Parameters)}"));

    /// <summary>The townships of the home county, as the roster snapshot names them.</summary>
    public static IReadOnlyList<string> HomeTownships(ExtractSet data, string homeCountyCode) =>
        data.Roster
            .Where(r => CountyCodes.IsIn(r.CountyCode, homeCountyCode) && !string.IsNullOrWhiteSpace(r.Township))
            .Select(r => r.Township.Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}

public sealed record MonthlyRunRequest(ReportingMonth Period, string? InputDirectory, string? OutputDirectory, bool FullIds = false);

public sealed record MonthlyRunResult(
    long RunId,
    ReportingMonth Period,
    IReadOnlyList<FileReport> Imports,
    IReadOnlyList<RunFinding> Findings,
    IReadOnlyList<string> Townships,
    RunOutputs? Outputs,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings,
    bool ReusedStoredFindings = false);
