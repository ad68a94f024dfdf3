using System.Text;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Jobs;

public sealed class DownloadWritersTests
{
    private static readonly ReportingMonth July = new(2023, 7);

    private static StoredDueList Overdue() => new(
        new DueListSummary(1, DueListKind.Overdue, July, July.Last, 6, 2, 2, "2023-07", [3], DateTimeOffset.UnixEpoch),
        [
            new RecheckDue("H1", "永福镇", "城北村", "张一", TestRecords.IdNumber(1), [Programme.RuralDibao], new DateOnly(2023, 1, 30), new DateOnly(2023, 7, 30), true, []),
            new RecheckDue("H2", "罗锦镇", "下村", "=HYPERLINK(\"x\")", TestRecords.IdNumber(2), [Programme.Tekun], null, null, true,
                [new EconomicSignal("车辆登记", "小型轿车 1 辆")]),
        ]);

    private static IReadOnlyList<StoredSampleDraw> Draws() =>
    [
        new(1, July, "永福镇", 280960810, DibaoSampler.Algorithm, 0.5m, 3, "sha", "2023-07", [3], new DateTimeOffset(2023, 7, 31, 19, 0, 0, TimeSpan.Zero),
        [
            new DibaoApproval("H3", "450326", "永福镇", "城北村", "王三", TestRecords.IdNumber(3), Programme.RuralDibao, new DateOnly(2023, 7, 3), 4),
            new DibaoApproval("H1", "450326", "永福镇", "城北村", "王一", TestRecords.IdNumber(1), Programme.UrbanDibao, new DateOnly(2023, 7, 1), 1),
        ]),
        new(2, July, "罗锦镇", 2085710227, DibaoSampler.Algorithm, 0.5m, 0, "sha", "2023-07", [3], new DateTimeOffset(2023, 7, 31, 19, 0, 0, TimeSpan.Zero), []),
    ];

    private static string[] CsvLines(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        var bytes = buffer.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void DueListCsvWriter_OverdueList_HeaderThenHouseholdsWithMaskedIdsAndInertCells()
    {
        var lines = CsvLines(s => DueListCsvWriter.Write(s, Overdue()));

        Assert.Equal("序号,乡镇,村,家庭编号,户主姓名,户主身份证号,救助类别,最近核对日期,应核对日期,核对状态,收入资产比对,核对结果,核对日期", lines[0]);
        Assert.Equal($"1,永福镇,城北村,H1,张一,{ReliefMatch.Core.Identity.ResidentId.Mask(TestRecords.IdNumber(1))},农村低保,2023-01-30,2023-07-30,已逾期,,,", lines[1]);
        Assert.StartsWith("2,罗锦镇,下村,H2,\"'=HYPERLINK(\"\"x\"\")\",", lines[2]);
        Assert.EndsWith(",特困供养,,,从未核对,车辆登记：小型轿车 1 辆,,", lines[2]);
    }

    [Fact]
    public void DueListCsvWriter_FullIds_PrintsTheWholeId() =>
        Assert.Contains("," + TestRecords.IdNumber(1) + ",", CsvLines(s => DueListCsvWriter.Write(s, Overdue(), fullIds: true))[1]);

    [Fact]
    public void DueListXlsxWriter_OverdueList_TitleHeaderRowsAndAValidPackage()
    {
        using var buffer = new MemoryStream();
        DueListXlsxWriter.Write(buffer, Overdue(), "永福县", fullIds: true);

        using var xlsx = new XlsxCells(buffer.ToArray());
        Assert.Equal(["逾期名单"], xlsx.SheetNames);
        Assert.Equal("永福县 经济状况核对逾期名单（截至2023年7月31日）", xlsx.Text("逾期名单", "A1"));
        Assert.Equal(DueListTable.Headers, xlsx.Row("逾期名单", 2, 13));
        Assert.Equal(["1", "永福镇", "城北村", "H1", "张一", TestRecords.IdNumber(1), "农村低保", "2023-01-30", "2023-07-30", "已逾期", "", "", ""],
            xlsx.Row("逾期名单", 3, 13));
        Assert.Equal("车辆登记：小型轿车 1 辆", xlsx.Text("逾期名单", "K4"));
        Assert.Empty(xlsx.SchemaErrors());
    }

    [Fact]
    public void SampleDrawCsvWriter_Draws_OneRowPerHouseholdInDrawOrderWithTheSeed()
    {
        var lines = CsvLines(s => SampleDrawCsvWriter.Write(s, Draws(), fullIds: true));

        Assert.Equal(3, lines.Length);
        Assert.Equal("序号,乡镇,抽取顺序,村,家庭编号,户主姓名,户主身份证号,救助类别,纳入时间,家庭人数,随机种子,核查结果,核查人,核查日期", lines[0]);
        Assert.Equal($"1,永福镇,1,城北村,H3,王三,{TestRecords.IdNumber(3)},农村低保,2023-07-03,4,280960810,,,", lines[1]);
        Assert.Equal($"2,永福镇,2,城北村,H1,王一,{TestRecords.IdNumber(1)},城市低保,2023-07-01,1,280960810,,,", lines[2]);
    }

    [Fact]
    public void SampleDrawXlsxWriter_Draws_ListAndSummaryWithEveryTownship()
    {
        using var buffer = new MemoryStream();
        SampleDrawXlsxWriter.Write(buffer, July, Draws(), "永福县");

        using var xlsx = new XlsxCells(buffer.ToArray());
        Assert.Equal(["抽样名单", "抽样说明"], xlsx.SheetNames);
        Assert.Equal("永福县2023年7月 新审核认定低保对象线上核查抽样名单", xlsx.Text("抽样名单", "A1"));
        Assert.Equal("H3", xlsx.Text("抽样名单", "E3"));
        Assert.Equal(["1", "永福镇", "3", "2", "50%", "280960810", "2023-07", "2023-08-01 03:00"], xlsx.Row("抽样说明", 2, 8));
        Assert.Equal(["2", "罗锦镇", "0", "0", "50%", "2085710227", "2023-07", "2023-08-01 03:00"], xlsx.Row("抽样说明", 3, 8));
        Assert.Empty(xlsx.SchemaErrors());
    }

    [Fact]
    public void DownloadNames_DueListAndSample_ChineseNameAndPeriod()
    {
        Assert.Equal("经济状况核对逾期名单-2023-07.xlsx", DownloadNames.DueList(DueListKind.Overdue, July, ".xlsx"));
        Assert.Equal("经济状况核对到期名单-2024-01.csv", DownloadNames.DueList(DueListKind.EconomicRecheck, new ReportingMonth(2024, 1), ".csv"));
        Assert.Equal("低保新增线上核查抽样-2023-07.csv", DownloadNames.SampleDraw(July, ".csv"));
    }
}
