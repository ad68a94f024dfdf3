using System.CommandLine;
using System.Globalization;
using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Runs;
using ReliefMatch.SampleData;
using Spectre.Console;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch bench [--households N[,N…]] [--work DIR] [--keep] [--plain true|false] [--alternations N] [--sources all|original] [--json FILE]</c>; where
/// <paramref name="peers"/> are given (the benchmarks project gives DuckDB), also <c>[--peer NAME]</c>.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TimeProvider time, IReadOnlyDictionary<string, Func<IBenchPeer>>? peers = null)
    {
        var households = new Option<int[]>("--households")
        {
            Description = "Sizes to measure, in home-county roster households, comma separated (10000 ≈ a county, 1000000 ≈ a province of about 16 M rows).",
            HelpName = "N[,N…]",
            DefaultValueFactory = _ => BenchOptions.DefaultHouseholds.ToArray(),
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result =>
            {
                var sizes = new List<int>();
                foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                {
                    if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                        || n is < 1 or > SampleOptions.MaxHouseholds)
                    {
                        result.AddError($"--households '{part}' is not a number of households between 1 and {SampleOptions.MaxHouseholds}.");
                        return [];
                    }
                    sizes.Add(n);
                }
                return sizes.ToArray();
            },
        };
        var work = new Option<DirectoryInfo>("--work")
        {
            Description = "Folder for the drop folders, outputs and the private PostgreSQL (unless RELIEFMATCH_DB is set); the postgres OS user must reach it when run as root.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Path.GetTempPath(), "reliefmatch-bench")),
        };
        var keep = new Option<bool>("--keep") { Description = "Keep drop folders, outputs and databases afterwards." };
        var plain = new Option<bool>("--plain")
        {
            Description = "Generate clean UTF-8 CSV (default true, so that sizes compare); --plain false gives the messy mix of encodings and spreadsheets.",
            DefaultValueFactory = _ => true,
        };
        var seed = new Option<int>("--seed") { Description = "The generator's random seed.", DefaultValueFactory = _ => 20230701 };
        var period = CommonOptions.Period(false, "Reporting month of the extracts and the runs (default 2023-07).");
        var json = new Option<FileInfo?>("--json") { Description = "Also save the figures as JSON to this file." };
        var command = new Command("bench", "性能测试（供工程师使用）(benchmark)：Measure the monthly run at county and province scale: generate, then time each stage on a fresh database.")
        {
            households, work, keep, plain, seed, period, json,
        };
        var peer = new Option<string?>("--peer") { Description = "Run this peer on the same files, alternating with the first run, and print the ratio and the agreement of findings." };
        var alternations = new Option<int?>("--alternations")
        {
            Description = "How many times each size runs (fresh database, first run, second run; then the peer): the targets read the medians and print the spread (default 3 with --peer, else 1).",
        };
        command.Options.Add(alternations);
        var sources = new Option<string>("--sources")
        {
            Description = "all: every shipped source (default); original: only the six the first rules read (roster, deaths, disability, monitoring, medical), as benches before the plan's other sources and the peer's joins read.",
            DefaultValueFactory = _ => "all",
        };
        sources.AcceptOnlyFromAmong("all", "original");
        command.Options.Add(sources);
        if (peers is { Count: > 0 })
        {
            peer.AcceptOnlyFromAmong([.. peers.Keys]);
            command.Options.Add(peer);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BenchOptions(
                parse.GetValue(households) ?? [],
                parse.GetValue(work)!.FullName,
                parse.GetValue(keep),
                parse.GetValue(plain),
                parse.GetValue(seed),
                parse.GetResult(period) is null ? null : parse.GetValue(period),
                parse.GetValue(alternations),
                parse.GetValue(sources) == "original");
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
            if (peers is { Count: > 0 } && parse.GetValue(peer) is { } peerName && !options.Plain)
            {
                // A peer reads the same files with bare joins: clean UTF-8 CSV only.
                await Console.Error.WriteLineAsync($"error: --peer {peerName} reads plain UTF-8 CSV only; leave out --plain false.");
                return 2;
            }
            var rules = RuleFolder.Load(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            using var logging = CommonOptions.Logging(parse);
            var logger = logging.CreateLogger("reliefmatch");
            var chosen = peers is { Count: > 0 } && parse.GetValue(peer) is { } name ? peers[name]() : null;
            var report = await new BenchRunner(options, rules, time, logger, Console.Error, chosen).RunAsync(cancellationToken);
            if (Console.IsOutputRedirected)
            {
                // Saved to a file, the tables should not wrap at the 80 columns assumed for an unknown terminal.
                AnsiConsole.Console.Profile.Width = 132;
            }
            BenchReportPrinter.Print(AnsiConsole.Console, report);
            if (parse.GetValue(json) is { } file)
            {
                file.Directory?.Create();
                await using var stream = file.Create();
                BenchJsonWriter.Write(stream, report);
                AnsiConsole.MarkupLine(Markup.Escape($"figures saved to {file.FullName}"));
            }
            return 0;
        });
        return command;
    }
}
