using System.CommandLine;
using System.Text;
using BenchmarkDotNet.Running;
using ReliefMatch.Benchmarks;
using ReliefMatch.Benchmarks.Peer;
using ReliefMatch.Host.Bench;
using ReliefMatch.Host.Cli;
using ReliefMatch.Host.Runs;

if (args.Length > 0 && args[0] == "match")
{
    // The match stage at scale, in memory, without PostgreSQL:
    // dotnet run -c Release --project benchmarks/ReliefMatch.Benchmarks -- match --households 1000000
    return ReliefMatch.Benchmarks.Matching.ProvinceMatch.Run(args);
}

if (args.Length > 0 && args[0] == "bench")
{
    // The program's bench with a peer beside it:
    // dotnet run -c Release --project benchmarks/ReliefMatch.Benchmarks -- bench --households 200000 --peer duckdb
    Console.OutputEncoding = new UTF8Encoding(false);
    var root = new RootCommand("The monthly run's bench, with peers that the program does not ship.")
    {
        CommonOptions.Rules,
        CommonOptions.Verbose,
    };
    root.Subcommands.Add(BenchCommand.Create(TimeProvider.System, new Dictionary<string, Func<IBenchPeer>>(StringComparer.Ordinal)
    {
        ["duckdb"] = () => new DuckDbPeer(),
    }));
    return await CliErrors.InvokeAsync(root, args);
}

// dotnet run -c Release --project benchmarks/ReliefMatch.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ShortRunConfig).Assembly).Run(args, ShortRunConfig.Create());
return 0;
