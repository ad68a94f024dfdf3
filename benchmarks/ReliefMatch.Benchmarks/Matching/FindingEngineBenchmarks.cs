using BenchmarkDotNet.Attributes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Benchmarks.Matching;

/// <summary>
/// The joins: <see cref="FindingEngine.Evaluate"/> with every shipped rule on a month held in memory, 100 000
/// roster persons and 1 M medical settlements (about 1.35 M records in all; see <see cref="SyntheticMonth"/>).
/// Input records per second = records in the set / the mean time.
/// </summary>
[MemoryDiagnoser]
public class FindingEngineBenchmarks
{
    private ExtractSet _data = new();
    private RuleSet _rules = RuleSet.From([]);

    [Params(100_000)]
    public int RosterPersons { get; set; }

    [Params(1_000_000)]
    public int MedicalRows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticMonth.Build(RosterPersons, MedicalRows);
        var folder = Path.Combine(AppContext.BaseDirectory, "rules");
        _rules = RuleSet.Load(Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFileName(path), File.ReadAllText(path))));
        var findings = FindingEngine.Evaluate(_data, SyntheticMonth.Period, _rules, SyntheticMonth.County);
        Console.WriteLine($"// {SyntheticMonth.RecordCount(_data):N0} input records, {findings.Count:N0} findings");
    }

    [Benchmark]
    public int Evaluate() => FindingEngine.Evaluate(_data, SyntheticMonth.Period, _rules, SyntheticMonth.County).Count;
}
