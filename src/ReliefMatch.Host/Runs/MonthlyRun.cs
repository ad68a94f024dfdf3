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
    /// <summary>
    /// Called as each stage ends, before the next starts, with the stage name (as in
    /// <see cref="MonthlyRunResult.Timings"/>), its wall time and the records it handled: import, the rows accepted from new files;
    /// load and match, the records of the month's data; save and outputs, the findings. For measurements
    /// (<c>reliefmatch bench</c>); the time spent in the callback is not charged to any stage.
    /// </summary>
    public Action<string, TimeSpan, long>? StageCompleted { get; init; }

    public async Task<MonthlyRunResult> ExecuteAsync(MonthlyRunRequest request, IProgress<(string File, long Rows)>? progress = null, CancellationToken cancellationToken = default)
    {
        var timings = new List<(string Stage, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();
        void Completed(string stage, long rows)
        {
            var elapsed = clock.Elapsed;
            timings.Add((stage, elapsed));
            StageCompleted?.Invoke(stage, elapsed, rows);
            clock.Restart();
        }

        IReadOnlyList<FileReport> imports = [];
        if (request.InputDirectory is { } input)
        {
            var importer = new ExtractImporter(dataSource, time, null, logger, new ExtractReaderOptions { HomeCountyCode = installation.HomeCountyCode });
            imports = await importer.ImportFolderAsync(input, request.Period, progress, cancellationToken);
            Completed("import", imports.Where(f => !f.AlreadyImported).Sum(f => (long)f.Accepted));
        }

        var store = new FindingStore(dataSource, time);
        await using var periodLock = await store.LockPeriodAsync(request.Period, cancellationToken);
        var runId = await store.StartRunAsync(request.Period, cancellationToken);
        try
        {
            var data = await new ExtractSetLoader(dataSource).LoadAsync(request.Period, cancellationToken);
            var records = (long)data.Roster.Count + data.Deaths.Count + data.Disability.Count + data.Medical.Count + data.Monitoring.Count;
            Completed("load", records);

            var findings = FindingEngine.Evaluate(data, request.Period, rules, installation.HomeCountyCode);
            Completed("match", records);

            var stored = await store.SaveRunAsync(request.Period, findings, runId, cancellationToken);
            Completed("save", stored.Count);

            var runFindings = stored.Select(s => new RunFinding(s.Finding, s.FirstSeen, s.Status)).ToList();
            var townships = HomeTownships(data, installation.HomeCountyCode);
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
                Completed("outputs", runFindings.Count);
            }
            return new MonthlyRunResult(runId, request.Period, imports, runFindings, townships, outputs, timings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FailRunAsync(runId, e.Message, CancellationToken.None);
            throw;
        }
    }

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
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings);
