namespace ReliefMatch.Host.Bench;

/// <summary>One whole monthly run as measured: its wall time (the stages and what lies between them) and its stages.</summary>
public sealed record RunMeasurement(TimeSpan Elapsed, IReadOnlyList<StageMeasurement> Stages, int Findings)
{
    public double Seconds => Elapsed.TotalSeconds;

    /// <summary>The highest per-stage peak of this process, or null where it cannot be read.</summary>
    public long? PeakResidentBytes => Stages.Max(s => s.PeakResidentBytes);

    public long? ServerPeakBytes => Stages.Max(s => s.ServerPeakBytes);

    public StageMeasurement? Stage(string name) => Stages.FirstOrDefault(s => string.Equals(s.Stage, name, StringComparison.Ordinal));
}
