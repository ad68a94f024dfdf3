namespace ReliefMatch.Host.Bench;

/// <summary>
/// How time grew from one size to the next: with <see cref="DataRatio"/> times the data, the whole first run took
/// <see cref="TimeRatio"/> times as long (linear scaling: equal ratios).
/// </summary>
/// <param name="DataRatio">Input records of the larger size over those of the smaller.</param>
/// <param name="StageRatios">Per stage, the larger size's seconds over the smaller's.</param>
public sealed record ScalingStep(
    int FromHouseholds,
    int ToHouseholds,
    double DataRatio,
    double TimeRatio,
    IReadOnlyList<(string Stage, double Ratio)> StageRatios)
{
    /// <summary>Sizes exactly ten times apart: the pair the 10× target reads.</summary>
    public bool IsTenfold => (long)FromHouseholds * 10 == ToHouseholds;

    /// <summary>Each consecutive pair of sizes, smallest first.</summary>
    public static IReadOnlyList<ScalingStep> Between(IReadOnlyList<SizeMeasurement> sizes)
    {
        var ordered = sizes.OrderBy(s => s.Households).ToList();
        var steps = new List<ScalingStep>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (small, large) = (ordered[i - 1], ordered[i]);
            var stages = large.First.Stages
                .Select(s => (s.Stage, Ratio: small.First.Stage(s.Stage) is { Seconds: > 0 } before ? s.Seconds / before.Seconds : double.NaN))
                .ToList();
            steps.Add(new ScalingStep(
                small.Households,
                large.Households,
                small.InputRecords > 0 ? (double)large.InputRecords / small.InputRecords : double.NaN,
                small.First.Seconds > 0 ? large.First.Seconds / small.First.Seconds : double.NaN,
                stages));
        }
        return steps;
    }
}
