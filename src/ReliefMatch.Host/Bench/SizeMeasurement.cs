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
    public double SecondRunPercent => First.Seconds > 0 ? 100 * Second.Seconds / First.Seconds : 0;

    /// <summary>Matching throughput: every record of the month's data over the match stage's seconds.</summary>
    public double MatchRecordsPerSecond => First.Stage("match") is { Seconds: > 0 } m ? InputRecords / m.Seconds : 0;

    public long? PeakResidentBytes => new[] { First.PeakResidentBytes, Second.PeakResidentBytes }.Max();

    public long? ServerPeakBytes => new[] { First.ServerPeakBytes, Second.ServerPeakBytes }.Max();

    /// <summary>
    /// The run side by side with a peer, when the bench had one. <see cref="First"/> is then the alternation whose
    /// wall time is the median, and <see cref="Second"/> follows the last alternation.
    /// </summary>
    public PeerMeasurement? Peer { get; init; }
}
