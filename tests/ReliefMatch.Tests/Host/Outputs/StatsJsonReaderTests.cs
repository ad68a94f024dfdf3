using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

/// <summary>A published 统计表 is stored as its stats.json and shown and downloaded again from it: reading it back must give the same sheet.</summary>
public class StatsJsonReaderTests
{
    [Fact]
    public void Read_WrittenSheet_TheSameSheetAgainWithNullsEntriesAndMeetingKept()
    {
        var sheet = SheetStatistics.Compute(new StatisticsInput
        {
            HomeCountyCode = "450326",
            Period = July,
            HomeTownships = ["罗锦镇", "苏桥镇"],
            Findings = All,
            Entries = new Dictionary<string, TownshipEntries>
            {
                ["罗锦镇"] = new(new DateOnly(2023, 7, 12), new Dictionary<string, int> { ["warning_sessions"] = 2, ["conduct_problems"] = 0 }),
            },
        });
        var text = StatsJsonReader.Text(sheet);

        var read = StatsJsonReader.Read(text);

        Assert.Equal(text, StatsJsonReader.Text(read));
        Assert.Equal(sheet.County.DataWarning, read.County.DataWarning);
        Assert.Equal(new DateOnly(2023, 7, 12), read.For("罗锦镇")!.MeetingOn);
        Assert.Equal(0, read.For("罗锦镇")!.Duty("conduct_problems"));
        Assert.Null(read.For("罗锦镇")!.Duty("leads_transferred"));
        Assert.Equal(sheet.Townships.Select(t => t.Township).Order(StringComparer.Ordinal), read.Townships.Select(t => t.Township));
        Assert.Equal(Bytes(s => StatisticsSheetWriter.Write(s, sheet, "永福县")), Bytes(s => StatisticsSheetWriter.Write(s, read, "永福县")));
    }
}
