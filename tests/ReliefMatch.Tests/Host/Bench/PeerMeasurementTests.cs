using System.Text.Json;
using ReliefMatch.Host.Bench;

namespace ReliefMatch.Tests.Host.Bench;

public sealed class PeerMeasurementTests
{
    [Fact]
    public void Ratio_ThreeAlternations_IsTheMedianRunOverTheMedianPeer()
    {
        var peer = new PeerMeasurement("duckdb", [25, 21, 30], [5, 6, 4], [1, 1, 1], []);

        Assert.Equal(25, peer.MedianRunSeconds, 6);
        Assert.Equal(5, peer.MedianPeerSeconds, 6);
        Assert.Equal(5.0, peer.Ratio, 6);
        Assert.Equal([5.0, 3.5, 7.5], peer.Ratios);
        Assert.Equal(2.5, PeerMeasurement.Median([1, 4, 2, 3]), 6);
    }

    [Fact]
    public void From_SizeWithPeer_AddsTheRatioTargetAndWritesThePeerAsJson()
    {
        var withPeer = Size(200_000) with
        {
            Peer = new PeerMeasurement("duckdb", [24.9, 25.5, 24.1], [5.0, 4.8, 5.2], [1.2, 1.1, 1.3], [new PeerAgreement("deceased-recipient", 3700, 40, 38, 0)]),
        };
        var report = BenchReport.From(new BenchOptions([200_000], "work"), new BenchMachine(2, 24L << 30, "Linux", ".NET", 1.0), "test", [withPeer], TimeSpan.FromSeconds(3.2));

        var ratio = Assert.Single(report.Targets, t => t.Name.StartsWith("whole run ÷ duckdb", StringComparison.Ordinal));
        Assert.False(ratio.Met);                            // 24.9 / 5.0 ≈ 4.98× > 2×
        Assert.Contains("4.98×", ratio.Measured, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        BenchJsonWriter.Write(stream, report);
        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal(3.2, root.GetProperty("cluster_creation_seconds").GetDouble(), 6);
        var json = root.GetProperty("sizes")[0].GetProperty("peer");
        Assert.Equal("duckdb", json.GetProperty("name").GetString());
        Assert.Equal(3, json.GetProperty("run_seconds").GetArrayLength());
        Assert.Equal(4.98, json.GetProperty("ratio").GetDouble(), 6);
        Assert.Equal(38, json.GetProperty("agreement")[0].GetProperty("only_reliefmatch_not_exact").GetInt32());
    }

    private static SizeMeasurement Size(int households)
    {
        StageMeasurement Stage(string name, double seconds) => new(name, 1_000_000, TimeSpan.FromSeconds(seconds), 1L << 30, 1L << 29);
        var first = new RunMeasurement(TimeSpan.FromSeconds(24.9), [Stage("import", 7), Stage("load", 9), Stage("match", 1.3), Stage("save", 4.6), Stage("outputs", 2)], 67_000);
        var second = new RunMeasurement(TimeSpan.FromSeconds(1), [Stage("import", 0.5), Stage("reuse", 0.3), Stage("outputs", 0.2)], 67_000);
        return new SizeMeasurement(households, true, 2_440_000, 270_000_000, TimeSpan.FromSeconds(30), 1_200_000, first, second);
    }
}
