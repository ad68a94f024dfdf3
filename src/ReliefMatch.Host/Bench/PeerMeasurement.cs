namespace ReliefMatch.Host.Bench;

/// <summary>
/// The monthly run side by side with a peer at one size: alternately a whole first run (on a fresh database of a
/// cluster already created) and the peer on the same files, the same number of times each.
/// </summary>
/// <param name="Peer">The peer's name.</param>
/// <param name="RunSeconds">Wall time of each whole first run, in the order run.</param>
/// <param name="PeerSeconds">Wall time of each peer run, in the order run (each right after the run of the same index).</param>
/// <param name="DatabaseSeconds">Each fresh database's creation and migrations (before its run, not part of it).</param>
/// <param name="Agreement">Per rule the peer expresses, the findings of the first run against the first peer run's.</param>
public sealed record PeerMeasurement(
    string Peer,
    IReadOnlyList<double> RunSeconds,
    IReadOnlyList<double> PeerSeconds,
    IReadOnlyList<double> DatabaseSeconds,
    IReadOnlyList<PeerAgreement> Agreement)
{
    public const double RatioLimit = 2.0;

    public double MedianRunSeconds => Median(RunSeconds);

    public double MedianPeerSeconds => Median(PeerSeconds);

    /// <summary>The whole run over the peer, medians of each.</summary>
    public double Ratio => MedianPeerSeconds > 0 ? MedianRunSeconds / MedianPeerSeconds : double.NaN;

    /// <summary>Each alternation's own ratio (run over the peer right after it): the spread a noisy machine gives.</summary>
    public IReadOnlyList<double> Ratios => RunSeconds.Zip(PeerSeconds, (r, p) => p > 0 ? r / p : double.NaN).ToList();

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); NaN for none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
