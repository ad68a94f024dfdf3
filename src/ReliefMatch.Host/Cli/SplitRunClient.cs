using System.Globalization;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Imports;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch run --parts N</c>: imports the drop folder here, queues the run's N parts as jobs on the shared
/// database for whichever <c>reliefmatch serve</c> processes are running to take, waits for the merge, and then
/// writes the outputs from the stored findings, as a run in one piece would have written them.
/// </summary>
internal static class SplitRunClient
{
    public static async Task<int> RunAsync(Database database, string home, RuleSet rules, string rulesFolder, Installation installation, TimeProvider time,
        ILogger logger, MonthlyRunRequest request, int parts, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReliefMatch.Core.Extracts.FileReport> imports = [];
        if (request.InputDirectory is { } input)
        {
            using var progress = new ProgressLine(Console.Error);
            imports = await new ExtractImporter(database.DataSource, time, null, logger, installation.ReaderOptions, rules.Sources)
                .ImportFolderAsync(input, request.Period, progress, cancellationToken);
        }
        if (imports.Count > 0)
        {
            ImportReportPrinter.Print(AnsiConsole.Console, imports, fullIds: request.FullIds);
        }

        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddReliefMatchJobs(new JobsOptions
        {
            Database = database,
            Home = home,
            RulesFolder = rulesFolder,
            Installation = installation,
            RunServer = false,
            RegisterRecurringJobs = false,
        });
        await using var provider = services.BuildServiceProvider();
        var split = new SplitRun(database.DataSource, rules, installation, time, logger);
        var runId = await SplitRunJobs.StartAsync(provider.GetRequiredService<IBackgroundJobClient>(), split, request.Period, parts, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Period} 比对运行 #{runId}：已按身份证号分为 {parts} 片排队 ({parts} parts queued)，由连接本数据库的任一 reliefmatch serve 执行（按 Ctrl+C 只停止等待，不停止运行）。"));

        var store = new RunParts(database.DataSource, time);
        var state = await WaitAsync(store, runId, parts, cancellationToken);
        PrintParts(await store.SummaryAsync(runId, cancellationToken));
        if (state.Status != "succeeded")
        {
            await CliErrors.WriteAsync($"比对运行 #{runId} 未完成（{state.Status}）(run {state.Status})：{state.Error}");
            return 1;
        }
        // The merge saved the findings: the outputs are written here from them, with this invocation's imports.
        var stored = await new FindingStore(database.DataSource, time).LoadPeriodAsync(request.Period, id => rules.Find(id)?.Title ?? id, cancellationToken);
        var townships = (await new RunInputs(database.DataSource).LastAsync(request.Period, cancellationToken))?.Townships
            ?? throw new InvalidOperationException($"Run {runId} succeeded but recorded no townships.");
        var run = new MonthlyRun(database.DataSource, rules, installation, time, logger);
        var written = await run.WriteOutputsAsync(request, imports, stored, townships, cancellationToken);
        RunReportPrinter.Print(AnsiConsole.Console, new MonthlyRunResult(runId, request.Period, imports, written.Findings, townships, written.Outputs, [])
        {
            Statistics = written.Statistics,
            Skipped = written.Skipped,
            UndeclaredFolders = request.InputDirectory is { } folder ? ExtractImporter.UndeclaredFolders(folder, rules.Sources) : [],
        }, rules);
        return 0;
    }

    private static async Task<RunState> WaitAsync(RunParts store, long runId, int parts, CancellationToken cancellationToken)
    {
        var reported = -1;
        while (true)
        {
            var state = await store.RunAsync(runId, cancellationToken);
            if (!state.IsRunning)
            {
                return state;
            }
            var done = (await store.SummaryAsync(runId, cancellationToken)).Count;
            if (done != reported)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  已完成分片：{done}/{parts}"));
                reported = done;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static void PrintParts(IReadOnlyList<RunPartSummary> parts)
    {
        var table = new Table().RoundedBorder().AddColumns("分片", "服务器", "预警", "用时（秒）");
        foreach (var p in parts)
        {
            table.AddRow(
                string.Create(CultureInfo.InvariantCulture, $"{p.Part + 1}/{p.Parts}"),
                Markup.Escape(p.Server ?? "?"),
                p.Findings.ToString("N0", CultureInfo.InvariantCulture),
                p.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
    }
}
