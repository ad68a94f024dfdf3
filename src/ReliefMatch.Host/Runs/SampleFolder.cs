using ReliefMatch.SampleData;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// A sample drop folder as <c>reliefmatch sample</c> writes it: the generator's extracts and the county file naming
/// the sample's county (<see cref="Installation.FileName"/>), so that a run on it needs no configuration at all.
/// </summary>
public static class SampleFolder
{
    /// <inheritdoc cref="SampleGenerator.Write"/>
    public static SampleSummary Write(string outDir, SampleOptions options)
    {
        var summary = SampleGenerator.Write(outDir, options);
        Installation.OfSample.Write(Path.GetFullPath(outDir));
        return summary;
    }
}
