using ReliefMatch.SampleData;

namespace ReliefMatch.Tests.SampleData;

/// <summary>One messy and one plain sample of the default county (300 households, the default seed), shared by the tests.</summary>
public sealed class SampleFolders : IDisposable
{
    public SampleFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "reliefmatch-sample-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _instances));
        Messy = Path.Combine(Root, "messy");
        Plain = Path.Combine(Root, "plain");
        MessySummary = SampleGenerator.Write(Messy, new SampleOptions());
        PlainSummary = SampleGenerator.Write(Plain, new SampleOptions(Plain: true));
    }

    private static int _instances;

    public string Root { get; }

    public string Messy { get; }

    public string Plain { get; }

    public SampleSummary MessySummary { get; }

    public SampleSummary PlainSummary { get; }

    /// <summary>A fresh folder under the fixture's root, removed with it.</summary>
    public string NewFolder(string name) => Path.Combine(Root, name + "-" + Interlocked.Increment(ref _instances));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
