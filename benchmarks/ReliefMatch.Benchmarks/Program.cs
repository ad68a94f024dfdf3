using BenchmarkDotNet.Running;
using ReliefMatch.Benchmarks;

// dotnet run -c Release --project benchmarks/ReliefMatch.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ShortRunConfig).Assembly).Run(args, ShortRunConfig.Create());
