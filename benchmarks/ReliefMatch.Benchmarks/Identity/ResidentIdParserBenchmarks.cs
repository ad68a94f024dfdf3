using System.Text;
using BenchmarkDotNet.Attributes;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Benchmarks.Identity;

/// <summary>
/// <see cref="ResidentIdParser.Parse"/> runs once per row of every extract (16 M rows at province scale): clean
/// IDs, and the mix docs/sources.md lists (lower-case x, full-width digits, spaces, Excel text prefixes, 15-digit
/// legacy numbers, Excel's scientific form, wrong check characters). Time is per ID.
/// </summary>
[MemoryDiagnoser]
public class ResidentIdParserBenchmarks
{
    private const int Count = 4096;

    private string[] _clean = [];
    private string[] _messy = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20230701);
        _clean = Enumerable.Range(0, Count).Select(_ => SyntheticIds.Next(random)).ToArray();
        _messy = Enumerable.Range(0, Count).Select(i => Messy(random, i)).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long Clean() => ParseAll(_clean);

    [Benchmark(OperationsPerInvoke = Count)]
    public long Messy() => ParseAll(_messy);

    private static long ParseAll(string[] cells)
    {
        long sum = 0;
        foreach (var cell in cells)
        {
            sum += ResidentIdParser.Parse(cell).Key;
        }
        return sum;
    }

    /// <summary>Two in three cells clean; the rest spread over the variants real extracts have.</summary>
    private static string Messy(Random random, int i)
    {
        var id = SyntheticIds.Next(random);
        return (i % 15) switch
        {
            < 10 => id,
            10 => SyntheticIds.NextWithX(random).ToLowerInvariant(),
            11 => FullWidth(id),
            12 => " " + id[..6] + " " + id[6..14] + " " + id[14..] + "\t",
            13 => i % 2 == 0 ? "'" + id : id[..6] + id[8..17],
            _ => i % 2 == 0 ? "4.50326E+17" : id[..17] + (id[17] == '0' ? '1' : '0'),
        };
    }

    private static string FullWidth(string id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            text.Append(char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c);
        }
        return text.ToString();
    }
}
