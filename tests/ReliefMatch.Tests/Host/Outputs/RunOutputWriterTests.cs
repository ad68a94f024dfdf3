using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Places;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public sealed class RunOutputWriterTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "reliefmatch-outputs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private RunOutputs Write(string folder) => RunOutputWriter.Write(new RunOutputRequest
    {
        OutputDirectory = Path.Combine(root, folder),
        Period = July,
        County = new HomeCounty("450326", "永福县"),
        HomeTownships = Townships,
        Findings = All,
        Imports = [new FileReport { Source = SourceKind.Roster, File = "roster/a.csv", Encoding = "UTF-8", RowsRead = 1, Accepted = 1 }],
    });

    [Fact]
    public void Write_SmallRun_AllFilesWritten()
    {
        var outputs = Write("out");

        Assert.Equal(
            [
                "findings.csv", "stats.json", "imports.json", "统计表-2023-07.xlsx",
                "worklists/永福镇.xlsx", "worklists/永福镇.csv", "worklists/百寿镇.xlsx", "worklists/百寿镇.csv",
                "worklists/罗锦镇.xlsx", "worklists/罗锦镇.csv", "worklists/苏桥镇.xlsx", "worklists/苏桥镇.csv",
            ],
            outputs.Files);
        Assert.All(outputs.Files, f => Assert.True(File.Exists(Path.Combine(root, "out", f)), f));
        Assert.Equal(2, outputs.Statistics.County.DataWarning.Total);
    }

    [Fact]
    public void Write_TwoRuns_ByteIdenticalFiles()
    {
        var first = Write("one");
        Write("two");

        Assert.All(first.Files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(root, "one", f)), File.ReadAllBytes(Path.Combine(root, "two", f))));
    }

    [Fact]
    public void Write_SmallRun_FindingsFileHoldsDismissedToo()
    {
        Write("out");

        var lines = File.ReadAllLines(Path.Combine(root, "out", "findings.csv"));
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains(",dismissed,", StringComparison.Ordinal));
    }
}
