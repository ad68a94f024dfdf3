using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class StatisticsSheetWriterTests
{
    private static readonly MonthStatistics Report = Statistics(
        July,
        [
            Run(Make("450326195803120011", "罗锦镇", rule: "dibao-tekun-overlap", programmes: [Programme.RuralDibao, Programme.Tekun])),
            Run(Make("45032619620505002X", "罗锦镇", programmes: [Programme.UrbanDibao])),
            Run(Make("450326197001010039", "苏桥镇", rule: "low-income-medical", programmes: [Programme.Edge, Programme.Expenditure])),
        ],
        ["罗锦镇", "苏桥镇", "百寿镇"]);

    private static XlsxCells Written() => new(Bytes(s => StatisticsSheetWriter.Write(s, Report, "永福县")));

    [Fact]
    public void Write_Report_CountySummaryAndTownshipSheets()
    {
        using var xlsx = Written();

        Assert.Equal(["汇总", "各乡镇数据预警", "百寿镇", "罗锦镇", "苏桥镇"], xlsx.SheetNames);
    }

    [Fact]
    public void Write_TownshipSheet_LaidOutLikeTheAttachment()
    {
        using var xlsx = Written();

        Assert.Equal("全县困难群众救助保障政策落实专项治理进展情况统计表", xlsx.Text("罗锦镇", "A1"));
        Assert.Equal("填报单位（盖章）：罗锦镇", xlsx.Text("罗锦镇", "A2"));
        Assert.StartsWith("统计月份：2023年7月", xlsx.Text("罗锦镇", "E2"), StringComparison.Ordinal);
        Assert.Contains("填报时间：", xlsx.Text("罗锦镇", "E2"), StringComparison.Ordinal);
        Assert.Equal(StatisticsSheetWriter.Headers, xlsx.Row("罗锦镇", 3, 7));
        Assert.Equal("整治困难群众救助保障政策落实不到位问题", xlsx.Text("罗锦镇", "A4"));
        Assert.StartsWith("本乡镇当月底新纳入城镇低保对象", xlsx.Text("罗锦镇", "C4"), StringComparison.Ordinal);
        Assert.StartsWith("单位负责人：", xlsx.Text("罗锦镇", "A6"), StringComparison.Ordinal);
        Assert.StartsWith("备注：所统计的数据不累计", xlsx.Text("罗锦镇", "A7"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TownshipSheet_DataWarningLineFilled()
    {
        using var xlsx = Written();

        Assert.Equal(
            "当月在社会救助信息管理系统对核对数据预警 2 人进行标记，其中低保标记 2 人，特困标记 1 人，低保边缘户 0 人，支出型困难家庭 0 人。",
            xlsx.Text("罗锦镇", "G4"));
    }

    [Fact]
    public void Write_EverySheet_DataWarningNumbersInOwnCells()
    {
        using var xlsx = Written();

        Assert.Equal(["统计月份", "2023-07"], xlsx.Row("罗锦镇", 10, 2));
        Assert.Equal(StatisticsSheetWriter.CountLabels, Enumerable.Range(11, 5).Select(r => xlsx.Text("罗锦镇", $"A{r}")));
        Assert.Equal(["2", "2", "1", "0", "0"], Enumerable.Range(11, 5).Select(r => xlsx.Text("罗锦镇", $"B{r}")));
        Assert.Equal(["3", "2", "1", "1", "1"], Enumerable.Range(11, 5).Select(r => xlsx.Text("汇总", $"B{r}")));
        Assert.Equal(["0", "0", "0", "0", "0"], Enumerable.Range(11, 5).Select(r => xlsx.Text("百寿镇", $"B{r}")));
        Assert.Null(xlsx.Cell("罗锦镇", "B11")!.DataType);
    }

    [Fact]
    public void Write_CountySheet_NamesTheCountyAndFillsItsLine()
    {
        using var xlsx = Written();

        Assert.Equal("填报单位（盖章）：永福县（全县汇总）", xlsx.Text("汇总", "A2"));
        Assert.Equal(
            "当月在社会救助信息管理系统对核对数据预警 3 人进行标记，其中低保标记 2 人，特困标记 1 人，低保边缘户 1 人，支出型困难家庭 1 人。",
            xlsx.Text("汇总", "G4"));
        Assert.Contains(xlsx.WorkbookPart.Workbook.Descendants<DefinedName>(), d => d.Name == "_xlnm.Print_Area" && d.Text == "'汇总'!$A$1:$G$7");
    }

    [Fact]
    public void Write_SummarySheet_TownshipPerRowThenCounty()
    {
        using var xlsx = Written();

        Assert.Equal(["乡镇", "数据预警标记人数", "低保标记", "特困标记", "低保边缘户", "支出型困难家庭"], xlsx.Row("各乡镇数据预警", 2, 6));
        Assert.Equal(["百寿镇", "0", "0", "0", "0", "0"], xlsx.Row("各乡镇数据预警", 3, 6));
        Assert.Equal(["罗锦镇", "2", "2", "1", "0", "0"], xlsx.Row("各乡镇数据预警", 4, 6));
        Assert.Equal(["苏桥镇", "1", "0", "0", "1", "1"], xlsx.Row("各乡镇数据预警", 5, 6));
        Assert.Equal(["全县", "3", "2", "1", "1", "1"], xlsx.Row("各乡镇数据预警", 6, 6));
    }

    [Fact]
    public void Write_OtherCells_FiguresInTheBlanksBlankWhereNullAndReadBack()
    {
        var statistics = SheetStatistics.Compute(new StatisticsInput
        {
            HomeCountyCode = "450326",
            Period = July,
            HomeTownships = ["罗锦镇"],
            Findings = [],
            Roster = new ReliefMatch.Tests.Core.Matching.MonthBuilder()
                .Roster("450326195803120011", "甲", "H1", lastCheck: new DateOnly(2023, 7, 3), township: "罗锦镇").Build().Roster,
            Entries = new Dictionary<string, TownshipEntries>
            {
                ["罗锦镇"] = new(new DateOnly(2023, 7, 12), new Dictionary<string, int> { ["warning_sessions"] = 2 }),
            },
        });
        using var xlsx = new XlsxCells(Bytes(s => StatisticsSheetWriter.Write(s, statistics, "永福县")));

        Assert.Equal("本乡镇部署推进社会救助保障落实情况：召开会议进行部署情况： 7 月 12 日召开；", xlsx.Text("罗锦镇", "B4"));
        Assert.Contains("对在享低保、特困救助对象 1 人进行经济状况核对", xlsx.Text("罗锦镇", "D4"), StringComparison.Ordinal);
        // No previous snapshot, no poverty-exit list: those blanks stay for the township's pen, not 0.
        Assert.Contains("安排特困老人入住养老机构      人", xlsx.Text("罗锦镇", "C4"), StringComparison.Ordinal);
        Assert.Contains("开展警示教育 2 次", xlsx.Text("罗锦镇", "F4"), StringComparison.Ordinal);
        Assert.Contains("批评教育帮助      人", xlsx.Text("罗锦镇", "F4"), StringComparison.Ordinal);

        var first = StatisticsSheetWriter.FirstCellRow;
        var cells = SheetCells.Tags.Concat(SheetCells.Duties).ToList();
        int Row(string path) => first + cells.FindIndex(c => c.Path == path);
        Assert.Equal(["对在享低保、特困救助对象进行经济状况核对", "1", "duties.economic_checked"], xlsx.Row("罗锦镇", Row("duties.economic_checked"), 3));
        Assert.Equal(["召开会议进行部署情况", "2023-07-12", "duties.meeting_on"], xlsx.Row("罗锦镇", Row("duties.meeting_on"), 3));
        Assert.Null(xlsx.Text("罗锦镇", $"B{Row("duties.tekun_to_institution")}")); // no cell: blank, not 0
        Assert.Equal("2", xlsx.Text("汇总", $"B{Row("duties.warning_sessions")}"));
    }

    [Fact]
    public void DataWarningText_Counts_PlanWording() =>
        Assert.Equal(
            "当月在社会救助信息管理系统对核对数据预警 12 人进行标记，其中低保标记 5 人，特困标记 3 人，低保边缘户 2 人，支出型困难家庭 4 人。",
            StatisticsSheetWriter.DataWarningText(new DataWarningCounts(12, 5, 3, 2, 4)));

    [Fact]
    public void Write_Report_ValidAgainstSchema()
    {
        using var xlsx = Written();

        Assert.Empty(xlsx.SchemaErrors());
    }

    [Fact]
    public void Write_Twice_SameBytes() =>
        Assert.Equal(Bytes(s => StatisticsSheetWriter.Write(s, Report, "永福县")), Bytes(s => StatisticsSheetWriter.Write(s, Report, "永福县")));
}
