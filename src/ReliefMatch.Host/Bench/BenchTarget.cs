using System.Globalization;
using static System.FormattableString;

namespace ReliefMatch.Host.Bench;

/// <summary>A performance target of the province run, its limit, what was measured and whether it is met (null: not measured).</summary>
public sealed record BenchTarget(string Name, string Limit, string Measured, bool? Met)
{
    public const double RunSecondsLimit = 30;
    public const long PeakBytesLimit = 4L << 30;
    public const long ServerPeakBytesLimit = 2L << 30;
    public const double MatchRecordsPerSecondLimit = 10_000_000;
    public const double TenfoldTimeRatioLimit = 11;
    public const double SecondRunPercentLimit = 5;

    /// <summary>
    /// The targets read at <paramref name="size"/> (the largest measured; the targets are meant for a province of
    /// <see cref="BenchOptions.ProvinceHouseholds"/> households), the 10× one from the step that ends there, and the
    /// peer ratio (meant for a county) from <paramref name="withPeer"/>, the largest size run beside a peer. Of several
    /// alternations a target is judged by the median and shows the spread (lowest–highest); a peak, by the highest.
    /// </summary>
    public static IReadOnlyList<BenchTarget> For(SizeMeasurement size, IReadOnlyList<ScalingStep> scaling, SizeMeasurement? withPeer = null)
    {
        var peak = size.Alternations.Max(a => a.PeakResidentBytes);
        var serverPeak = size.Alternations.Max(a => a.ServerPeakBytes);
        var peaks = size.Alternations.Count > 1 ? Invariant($" (highest of {size.Alternations.Count})") : "";
        var run = size.Spread(a => a.First.Seconds);
        var matching = size.Spread(a => a.MatchRecordsPerSecond / 1e6);
        var second = size.Spread(a => a.SecondRunPercent);
        var secondSeconds = size.Spread(a => a.Second.Seconds);
        var tenfold = scaling.LastOrDefault(s => s.IsTenfold && s.ToHouseholds == size.Households);
        var targets = new List<BenchTarget>
        {
            new("whole run (wall)", Invariant($"≤ {RunSecondsLimit:F0} s"), run.Format(1, " s"), run.Median <= RunSecondsLimit),
            new("peak memory (this process)", Invariant($"≤ {Gib(PeakBytesLimit)}"), peak is { } p ? Gib(p) + peaks : "n/a", peak is { } q ? q <= PeakBytesLimit : null),
            new("peak memory (PostgreSQL server)", Invariant($"≤ {Gib(ServerPeakBytesLimit)}"), serverPeak is { } s ? Gib(s) + peaks : "n/a (not the private server)",
                serverPeak is { } t ? t <= ServerPeakBytesLimit : null),
            new("matching throughput", Invariant($"≥ {MatchRecordsPerSecondLimit / 1e6:F0} M records/s"), matching.Format(2, " M records/s"),
                matching.Median * 1e6 >= MatchRecordsPerSecondLimit),
            tenfold is null
                ? new("10× data → time", Invariant($"≤ {TenfoldTimeRatioLimit:F0}×"), Invariant($"not measured (run {size.Households / 10:N0} households too)"), null)
                : new("10× data → time", Invariant($"≤ {TenfoldTimeRatioLimit:F0}×"), Invariant($"{F(tenfold.TimeRatio, 2)}× (records ×{F(tenfold.DataRatio, 2)})"), tenfold.TimeRatio <= TenfoldTimeRatioLimit),
            new("second run, nothing new", Invariant($"≤ {SecondRunPercentLimit:F0}% of first"), second.Format(1, "%") + Invariant($"; {secondSeconds.Format(1, " s")}"),
                second.Median <= SecondRunPercentLimit),
        };
        if (withPeer?.Peer is { } peer)
        {
            var ratios = FigureSpread.Of(peer.Ratios);
            targets.Add(new(
                Invariant($"whole run ÷ {peer.Peer} ({withPeer.Households:N0} households)"),
                Invariant($"≤ {F(PeerMeasurement.RatioLimit, 1)}×"),
                Invariant($"{F(peer.Ratio, 2)}× ({F(peer.MedianRunSeconds, 1)} s ÷ {F(peer.MedianPeerSeconds, 1)} s, medians of {peer.RunSeconds.Count})") +
                    (ratios.Count > 1 ? Invariant($"; per alternation {F(ratios.Min, 2)}–{F(ratios.Max, 2)}×") : ""),
                peer.Ratio <= PeerMeasurement.RatioLimit));
        }
        return targets;
    }

    internal static string Gib(long bytes) => Invariant($"{F(bytes / (double)(1L << 30), 2)} GiB");

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
