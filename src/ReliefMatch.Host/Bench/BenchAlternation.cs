namespace ReliefMatch.Host.Bench;

/// <summary>
/// One alternation at a size: a whole first run on a fresh database and, right after it on the same database, the
/// run again with nothing new. Its figures are those the targets read; several alternations give their spread.
/// </summary>
/// <param name="InputRecords">Records of the month's data the rules saw (the load stage's rows).</param>
public sealed record BenchAlternation(RunMeasurement First, RunMeasurement Second, long InputRecords)
{
    /// <summary>The second run's wall time as a percentage of the first's.</summary>
    public double SecondRunPercent => First.Seconds > 0 ? 100 * Second.Seconds / First.Seconds : 0;

    /// <summary>Matching throughput: every record of the month's data over the match stage's seconds.</summary>
    public double MatchRecordsPerSecond => First.Stage("match") is { Seconds: > 0 } m ? InputRecords / m.Seconds : 0;

    public long? PeakResidentBytes => new[] { First.PeakResidentBytes, Second.PeakResidentBytes }.Max();

    public long? ServerPeakBytes => new[] { First.ServerPeakBytes, Second.ServerPeakBytes }.Max();
}
