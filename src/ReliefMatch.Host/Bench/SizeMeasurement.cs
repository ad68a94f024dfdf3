namespace ReliefMatch.Host.Bench;

/// <summary>Everything measured at one size: the generation of its drop folder, the first run and the run again with nothing new.</summary>
/// <param name="Households">Home-county roster households given to the generator.</param>
/// <param name="Plain">Whether the drop folder was generated in plain mode.</param>
/// <param name="GeneratedRows">Data rows the generator wrote, all sources.</param>
/// <param name="GeneratedBytes">Bytes of the drop folder.</param>
/// <param name="Generation">Wall time of the generation (not part of any run).</param>
/// <param name="InputRecords">Records of the month's data the rules saw (the load stage's rows).</param>
public sealed record SizeMeasurement(
    int Households,
    bool Plain,
    long GeneratedRows,
    long GeneratedBytes,
    TimeSpan Generation,
    long InputRecords,
    RunMeasurement First,
    RunMeasurement Second)
{
    /// <summary>The second run's wall time as a percentage of the first's.</summary>
    public double SecondRunPercent => Shown.SecondRunPercent;

    /// <summary>Matching throughput: every record of the month's data over the match stage's seconds.</summary>
    public double MatchRecordsPerSecond => Shown.MatchRecordsPerSecond;

    public long? PeakResidentBytes => Shown.PeakResidentBytes;

    public long? ServerPeakBytes => Shown.ServerPeakBytes;

    /// <summary>
    /// Every alternation's first run and run again with nothing new, in the order run; <see cref="First"/> and
    /// <see cref="Second"/> are those of the alternation whose first run took the median time. One when not told.
    /// </summary>
    public IReadOnlyList<BenchAlternation> Alternations
    {
        get => _alternations ?? [Shown];
        init => _alternations = value;
    }

    private readonly IReadOnlyList<BenchAlternation>? _alternations;

    private BenchAlternation Shown => new(First, Second, InputRecords);

    /// <summary>A figure of every alternation, with its median and spread.</summary>
    public FigureSpread Spread(Func<BenchAlternation, double> figure) => FigureSpread.Of(Alternations.Select(figure).ToList());

    /// <summary>
    /// The run side by side with a peer, when the bench had one (each alternation's first run followed by the peer).
    /// </summary>
    public PeerMeasurement? Peer { get; init; }
}
