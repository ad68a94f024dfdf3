using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ReliefMatch.Benchmarks;

/// <summary>
/// Short runs (3 warm-ups, 3 measurements), in this process, with allocations counted. In-process because the
/// default toolchain builds a generated project beside this one, which inherits the repository's central package
/// management and warnings-as-errors; short because the hot paths measured are coarse (thousands of IDs, a
/// 100 000-row file, a month of 100 000 roster persons) and their spread is small next to the differences that matter.
/// </summary>
public static class ShortRunConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
