using ReliefMatch.Core.Statistics;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sanity;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Statistics;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// The monthly run: import what is new in the drop folder, evaluate every rule for the period against
/// everything imported so far, store the findings (keeping first-seen months and dispositions), write the
/// outputs and draw the month's control list (<see cref="ControlListDraw"/>). The same inputs give the same state and byte-identical CSV/JSON outputs.
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

    /// <summary>The extract sanity thresholds the import report's checks use (<c>settings/sanity.yaml</c> of the rule folder); the shipped ones unless given.</summary>
    public SanityThresholds Sanity { get; init; } = SanityThresholds.Shipped;

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
        // The records of the snapshot files this run imports, for the month to be evaluated from them rather than read back.
        var parsed = new ParsedRecords(ParsedRecords.Snapshots);
        IReadOnlyList<string> undeclared = [];
        IReadOnlyList<SanityWarning> checks = [];
        if (request.InputDirectory is { } input)
        {
            undeclared = ExtractImporter.UndeclaredFolders(input, rules.Sources);
            if (undeclared.Count > 0)
            {
                logger.LogWarning("收件目录中没有数据源声明的文件夹，未导入 (folders no source declaration names, not imported)：{Folders}", string.Join("、", undeclared));
            }
            var importer = new ExtractImporter(dataSource, time, null, logger, installation.ReaderOptions, rules.Sources) { Parsed = parsed };
            imports = await importer.ImportFolderAsync(input, request.Period, progress, cancellationToken);
            // Never blocking: the month's extracts against each source's previous month, for the import report.
            checks = await new ExtractSanity(dataSource, rules.Sources).CheckAsync(request.Period, Sanity, cancellationToken);
            Completed("import", imports.Where(f => !f.AlreadyImported).Sum(f => (long)f.Accepted));
        }

        // A month nothing is stamped for is not run: its findings would be earlier months' data passed off as its own.
        await RunRefusedException.EnsureStampedAsync(dataSource, request.Period, cancellationToken);
        var store = new FindingStore(dataSource, time);
        await using var periodLock = await store.LockPeriodAsync(request.Period, cancellationToken);
        var runId = await store.StartRunAsync(request.Period, cancellationToken);
        await RunAudit.WriteAsync(dataSource, time, request.RequestedBy, request.Period, runId, cancellationToken);
        try
        {
            var inputs = new RunInputs(dataSource);
            var digest = await DigestAsync(request.Period, cancellationToken);
            IReadOnlyList<StoredFinding> stored;
            IReadOnlyList<string> townships;
            Task<StatisticsData>? sheetData = null;
            HeldSnapshots? held = null;
            bool reused;
            if (await inputs.LastAsync(request.Period, cancellationToken) is { } previous && previous.Digest == digest)
            {
                parsed.Clear();
                if (await KeptOutputsAsync(request, previous, digest, cancellationToken) is { } kept)
                {
                    // Nothing new, and the outputs in the folder are those this run would write: only the counts are read back.
                    var counted = await store.LoadPeriodAsync(request.Period, id => rules.Find(id)?.Title ?? id, cancellationToken, withEvidence: false);
                    await inputs.CompleteReusedAsync(runId, previous, time.GetUtcNow(), cancellationToken);
                    await new RunOutputStore(dataSource).RecordAsync(runId, kept.Outputs, cancellationToken);
                    Completed("reuse", counted.Count);
                    var findings = counted.Select(s => new RunFinding(s.Finding, s.FirstSeen, s.Status)).ToList();
                    return new MonthlyRunResult(runId, request.Period, imports, findings, previous.Townships, null, timings, ReusedStoredFindings: true)
                    {
                        UndeclaredFolders = undeclared,
                        OutputsKeptIn = kept.Folder,
                    };
                }
                // Nothing new imported and the rules unchanged: evaluating again would give the same findings.
                stored = await store.LoadPeriodAsync(request.Period, id => rules.Find(id)?.Title ?? id, cancellationToken);
                townships = previous.Townships;
                await inputs.CompleteReusedAsync(runId, previous, time.GetUtcNow(), cancellationToken);
                Completed("reuse", stored.Count);
                reused = true;
            }
            else
            {
                (var findings, townships, held) = await EvaluateAsync(request.Period, parsed, Completed, cancellationToken);
                // The departmental records are garbage from here on, and at the province they are about half of what was
                // loaded: collected now, before the save and the outputs allocate on top of them, they do not count
                // towards the process's peak (which otherwise comes in the outputs stage, 3.8–4.2 GiB at the province).
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                // The 统计表 counts the month's roster and monitoring the run holds; the previous month's snapshots are read
                // while the findings are saved: the save changes nothing they are read from (dispositions and 核查日期
                // are the workplace's, not the run's).
                sheetData = request.OutputDirectory is null ? null : Task.Run(() => new StatisticsSourceLoader(dataSource, rules.Sources, held).LoadAsync(request.Period, installation.HomeCountyCode, cancellationToken), cancellationToken);
                stored = await SaveAsync(runId, request.Period, digest, findings, townships, cancellationToken);
                Completed("save", stored.Count);
                reused = false;
            }

            // The state the outputs are written from, read before they are: a disposition made meanwhile makes the next run write them again.
            var state = request.OutputDirectory is null ? null : await OutputStateAsync(request, digest, cancellationToken);
            // Handed over, not kept here: the month's roster and monitoring can be collected once the sheet is counted.
            var written = await WriteOutputsAsync(request, imports, stored, townships, cancellationToken, Interlocked.Exchange(ref sheetData, null), checks,
                Interlocked.Exchange(ref held, null));
            if (written.Outputs is { } files && request.OutputDirectory is { } folder && state is not null)
            {
                await new RunOutputStore(dataSource).RecordAsync(runId, new KeptOutputs(state, OutputFiles.Hash(folder, files.Files)), cancellationToken);
            }
            Completed("outputs", written.Findings.Count);
            return new MonthlyRunResult(runId, request.Period, imports, written.Findings, townships, written.Outputs, timings, reused)
            {
                Statistics = written.Statistics,
                Skipped = written.Skipped,
                UndeclaredFolders = undeclared,
                Checks = checks,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FailRunAsync(runId, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The outputs the previous run of the month recorded, when they are still what this run would write — written
    /// from the same state (<see cref="RunOutputStore.StateAsync"/>) and every file still in the folder byte for byte —
    /// with the folder holding them; null when they must be written.
    /// </summary>
    private async Task<(KeptOutputs Outputs, string Folder)?> KeptOutputsAsync(MonthlyRunRequest request, PreviousRun previous, string digest, CancellationToken cancellationToken)
    {
        if ((request.PreviousOutputDirectory ?? request.OutputDirectory) is not { } folder
            || await new RunOutputStore(dataSource).OfAsync(previous.RunId, cancellationToken) is not { } kept
            || kept.State != await OutputStateAsync(request, digest, cancellationToken))
        {
            return null;
        }
        return OutputFiles.AllUnchanged(folder, kept.Files) ? (kept, folder) : null;
    }

    private Task<string> OutputStateAsync(MonthlyRunRequest request, string digest, CancellationToken cancellationToken) =>
        new RunOutputStore(dataSource).StateAsync(request.Period, digest,
            $"{typeof(MonthlyRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}|{installation.CountyName}|{request.FullIds}",
            cancellationToken);

    /// <summary>
    /// Ends the run <paramref name="runId"/> of <paramref name="period"/> that evaluated the rules (in one piece or in
    /// parts): saves its findings and records what it saw, so that a later run with nothing new can reuse them.
    /// </summary>
    public async Task<IReadOnlyList<StoredFinding>> SaveAsync(long runId, ReportingMonth period, string digest, IReadOnlyList<Finding> findings,
        IReadOnlyList<string> townships, CancellationToken cancellationToken)
    {
        var stored = await new FindingStore(dataSource, time).SaveRunAsync(period, findings, runId, cancellationToken).ConfigureAwait(false);
        await new RunInputs(dataSource).RecordAsync(runId, digest, townships, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>The digest of what a run of <paramref name="period"/> depends on now: the extracts and these rules.</summary>
    public Task<string> DigestAsync(ReportingMonth period, CancellationToken cancellationToken) =>
        new RunInputs(dataSource).DigestAsync(period, RulesDescription(rules, installation), cancellationToken);

    /// <summary>
    /// Draws the month's control list when it has none yet (<see cref="ControlListDraw"/>). When the request names an output folder, counts the month's 统计表 from the run's stored findings and what
    /// storage holds for its other cells, and writes the outputs. Without one (a split run's merge, whose client writes
    /// the outputs itself) nothing is counted: the sheet reads four snapshots back, which only the outputs need.
    /// </summary>
    /// <param name="sheetData">The month's 统计表 sources (<see cref="StatisticsSourceLoader"/>) when their reading was started already.</param>
    /// <param name="held">The month's roster and monitoring records when the run that evaluated it still holds them: the
    /// control list is drawn from them rather than from the roster read back.</param>
    public async Task<RunWrite> WriteOutputsAsync(MonthlyRunRequest request, IReadOnlyList<FileReport> imports,
        IReadOnlyList<StoredFinding> stored, IReadOnlyList<string> townships, CancellationToken cancellationToken, Task<StatisticsData>? sheetData = null,
        IReadOnlyList<SanityWarning>? checks = null, HeldSnapshots? held = null)
    {
        // The month's control list, drawn once from what this run did not flag, whether the run was in one piece or in
        // parts (both end here); a later call finds it drawn and reads nothing more.
        await ControlListDraw.DrawAsync(dataSource, time, rules.ControlList, installation.HomeCountyCode, request.Period, townships,
            stored.Select(s => s.Finding.IdNumber), cancellationToken, held);
        var runFindings = stored.Select(s => new RunFinding(s.Finding, s.FirstSeen, s.Status) { Verification = s.Verification }).ToList();
        if (request.OutputDirectory is not { } output)
        {
            return new RunWrite(runFindings, null, [], null);
        }
        var (statistics, skipped) = await MonthSheet.CountAsync(dataSource, rules, installation.HomeCountyCode, request.Period, runFindings, townships, cancellationToken, sheetData);
        // The month's roster and monitoring (a million households' at province scale) are needed no further: let go of
        // them before the worklists are built.
        sheetData = null;
        held = null;
        // The month's figures for the trend charts, replaced by every run that counts the sheet.
        await new MonthFigureStore(dataSource).SaveAsync(statistics, time.GetUtcNow(), cancellationToken);
        var outputs = RunOutputWriter.Write(new RunOutputRequest
        {
            Statistics = statistics,
            OutputDirectory = output,
            Period = request.Period,
            County = installation.County,
            HomeTownships = townships,
            Findings = runFindings,
            Imports = imports,
            Checks = checks ?? [],
            FullIds = request.FullIds,
        });
        return new RunWrite(runFindings, statistics, skipped, outputs);
    }

    /// <summary>
    /// Loads the month's data — the extracts this run imported from <paramref name="parsed"/>, the others from
    /// PostgreSQL — and applies the rules. A method of its own so that the month's departmental records (gigabytes at
    /// province scale) are garbage once it returns, before findings are saved and outputs written; only the roster and
    /// monitoring records are handed on, for the 统计表 (<see cref="HeldSnapshots"/>).
    /// </summary>
    private async Task<(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Townships, HeldSnapshots Held)> EvaluateAsync(
        ReportingMonth period, ParsedRecords parsed, Action<string, long> completed, CancellationToken cancellationToken)
    {
        var data = await new ExtractSetLoader(dataSource, rules.Sources, parsed, FindingEngine.TiedRecordsOnly(rules)).LoadAsync(period, cancellationToken);
        // What the month did not see (files stamped for another month, a superseded snapshot) is dropped now.
        parsed.Clear();
        var records = (long)data.Roster.Count + data.Deaths.Count + data.Disability.Count + data.Medical.Count + data.Monitoring.Count;
        completed("load", records);
        var findings = FindingEngine.Evaluate(data, period, rules, installation.County);
        completed("match", records);
        return (findings, HomeTownships(data, installation.HomeCountyCode), HeldSnapshots.Of(data));
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

/// <summary>What <see cref="MonthlyRun.WriteOutputsAsync"/> gives: the run's findings, its 统计表 and the rules skipped for a missing input (when outputs were asked for), and the files written.</summary>
public sealed record RunWrite(List<RunFinding> Findings, MonthStatistics? Statistics, IReadOnlyList<RuleSkip> Skipped, RunOutputs? Outputs);

public sealed record MonthlyRunRequest(ReportingMonth Period, string? InputDirectory, string? OutputDirectory, bool FullIds = false)
{
    /// <summary>
    /// Where the month's outputs are kept when the run writes into a fresh <see cref="OutputDirectory"/> that is put in
    /// their place afterwards (the scheduled job): a run with nothing new whose outputs there are unchanged writes none.
    /// </summary>
    public string? PreviousOutputDirectory { get; init; }

    /// <summary>Who started the run, as the audit log names them: a user, <see cref="RunAudit.ScheduledJob"/>, or (when not told) <see cref="RunAudit.CommandLine"/>.</summary>
    public string? RequestedBy { get; init; }
}

public sealed record MonthlyRunResult(
    long RunId,
    ReportingMonth Period,
    IReadOnlyList<FileReport> Imports,
    IReadOnlyList<RunFinding> Findings,
    IReadOnlyList<string> Townships,
    RunOutputs? Outputs,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings,
    bool ReusedStoredFindings = false)
{
    /// <summary>The month's 统计表; null when the run ended before counting it.</summary>
    public MonthStatistics? Statistics { get; init; }

    /// <summary>The enabled rules that raised nothing this month because a source or column they read is missing.</summary>
    public IReadOnlyList<RuleSkip> Skipped { get; init; } = [];

    /// <summary>Sub-folders of the drop folder that no source declaration names: their files were not imported.</summary>
    public IReadOnlyList<string> UndeclaredFolders { get; init; } = [];

    /// <summary>
    /// Set when nothing was new since the month's previous run and its outputs, unchanged, are still in this folder:
    /// the run wrote none (<see cref="Outputs"/> is null) and its findings carry no evidence, only what the report counts.
    /// </summary>
    public string? OutputsKeptIn { get; init; }

    /// <summary>The extract sanity warnings of the month (when the run imported a drop folder); they never stop the run.</summary>
    public IReadOnlyList<SanityWarning> Checks { get; init; } = [];
}
