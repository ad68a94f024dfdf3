namespace ReliefMatch.Host.Bench;

/// <summary>One stage of a monthly run as measured.</summary>
/// <param name="Stage">import, load, match, save or outputs (as <see cref="Runs.MonthlyRun"/> names them).</param>
/// <param name="Rows">What the stage handled: rows imported, records loaded or matched, findings saved or written.</param>
/// <param name="PeakResidentBytes">This process's peak resident set during the stage (null where it cannot be read).</param>
/// <param name="ServerPeakBytes">The private PostgreSQL server's sampled peak (PSS) during the stage; null when not sampled.</param>
public sealed record StageMeasurement(string Stage, long Rows, TimeSpan Elapsed, long? PeakResidentBytes, long? ServerPeakBytes)
{
    public double Seconds => Elapsed.TotalSeconds;

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
