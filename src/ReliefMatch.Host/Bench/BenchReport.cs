namespace ReliefMatch.Host.Bench;

/// <summary>What a bench measured, where, and how it compares with the province targets.</summary>
/// <param name="Server">Which PostgreSQL served the runs.</param>
/// <param name="Sizes">One measurement per size, smallest first.</param>
/// <param name="Scaling">How time grew between consecutive sizes.</param>
/// <param name="Targets">The targets read at the largest size.</param>
public sealed record BenchReport(
    BenchOptions Options,
    BenchMachine Machine,
    string Server,
    IReadOnlyList<SizeMeasurement> Sizes,
    IReadOnlyList<ScalingStep> Scaling,
    IReadOnlyList<BenchTarget> Targets)
{
    /// <summary>The largest size measured: where the targets are read.</summary>
    public SizeMeasurement Largest => Sizes.MaxBy(s => s.Households)!;

    /// <summary>
    /// With a peer: what creating (initdb) and starting a private cluster on a fresh home cost on its own, measured
    /// apart; the runs compared with the peer use a cluster already created.
    /// </summary>
    public TimeSpan? ClusterCreation { get; init; }

    public static BenchReport From(BenchOptions options, BenchMachine machine, string server, IReadOnlyList<SizeMeasurement> sizes, TimeSpan? clusterCreation = null)
    {
        var ordered = sizes.OrderBy(s => s.Households).ToList();
        var scaling = ScalingStep.Between(ordered);
        return new BenchReport(options, machine, server, ordered, scaling, BenchTarget.For(ordered[^1], scaling, ordered.LastOrDefault(s => s.Peer is not null)))
        {
            ClusterCreation = clusterCreation,
        };
    }
}
