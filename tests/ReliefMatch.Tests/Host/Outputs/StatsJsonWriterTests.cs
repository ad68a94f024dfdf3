using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class StatsJsonWriterTests
{
    [Fact]
    public void Write_SmallRun_DataWarningPerTownshipAndCounty()
    {
        var report = Statistics(July, All, ["罗锦镇", "永福镇"]);
        using var stream = new MemoryStream();

        StatsJsonWriter.Write(stream, report);

        // The June finding is not counted; the dismissed July one is; the township list is ordinal (永 < 罗 < 苏).
        using var json = System.Text.Json.JsonDocument.Parse(Text(stream));
        var root = json.RootElement;
        Assert.Equal("2023-07", root.GetProperty("period").GetString());
        static int[] Line(System.Text.Json.JsonElement unit) =>
            unit.GetProperty("data_warning").EnumerateObject().Select(p => p.Value.GetInt32()).ToArray();
        Assert.Equal([2, 1, 0, 1, 1], Line(root.GetProperty("county")));
        Assert.Equal(["永福镇", "罗锦镇", "苏桥镇"], root.GetProperty("townships").EnumerateObject().Select(p => p.Name));
        Assert.Equal([0, 0, 0, 0, 0], Line(root.GetProperty("townships").GetProperty("永福镇")));
        Assert.Equal([1, 1, 0, 0, 0], Line(root.GetProperty("townships").GetProperty("罗锦镇")));
        Assert.Equal([1, 0, 0, 1, 1], Line(root.GetProperty("townships").GetProperty("苏桥镇")));
    }

    [Fact]
    public void Write_CellsWithoutSource_NullNeverZeroInStatisticsMdOrder()
    {
        var report = SheetStatistics.Compute(new StatisticsInput
        {
            HomeCountyCode = "450326",
            Period = July,
            HomeTownships = ["罗锦镇"],
            Findings = [],
            Entries = new Dictionary<string, TownshipEntries>
            {
                ["罗锦镇"] = new(new DateOnly(2023, 7, 12), new Dictionary<string, int> { ["warning_sessions"] = 2, ["conduct_problems"] = 0 }),
            },
        });
        using var stream = new MemoryStream();

        StatsJsonWriter.Write(stream, report);

        var text = Text(stream);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var township = json.RootElement.GetProperty("townships").GetProperty("罗锦镇");
        Assert.Equal(["data_warning", "tags", "duties"], township.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SheetCells.Tags.Select(c => c.Key), township.GetProperty("tags").EnumerateObject().Select(p => p.Name));
        Assert.Equal(SheetCells.Duties.Select(c => c.Key), township.GetProperty("duties").EnumerateObject().Select(p => p.Name));
        var duties = township.GetProperty("duties");
        Assert.Equal("2023-07-12", duties.GetProperty("meeting_on").GetString());
        Assert.Equal(2, duties.GetProperty("warning_sessions").GetInt32());
        Assert.Equal(0, duties.GetProperty("conduct_problems").GetInt32()); // entered as 0: nothing happened, said so
        Assert.Equal(System.Text.Json.JsonValueKind.Null, duties.GetProperty("leads_transferred").ValueKind); // not entered
        Assert.Equal(System.Text.Json.JsonValueKind.Null, duties.GetProperty("new_rural_dibao").ValueKind); // no roster
        Assert.Equal(System.Text.Json.JsonValueKind.Null, township.GetProperty("tags").GetProperty("total").ValueKind);
        var county = json.RootElement.GetProperty("county").GetProperty("duties");
        Assert.Equal(2, county.GetProperty("warning_sessions").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, county.GetProperty("meeting_on").ValueKind);
    }

    [Fact]
    public void Write_SameReport_SameBytesWithoutBom()
    {
        var report = Statistics(July, All, Townships);

        var first = Bytes(s => StatsJsonWriter.Write(s, report));
        var second = Bytes(s => StatsJsonWriter.Write(s, Statistics(July, All.Reverse(), Townships.Reverse())));

        Assert.Equal(first, second);
        Assert.Equal((byte)'{', first[0]);
    }
}
