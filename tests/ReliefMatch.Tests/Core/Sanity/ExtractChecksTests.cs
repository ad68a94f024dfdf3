using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sanity;

namespace ReliefMatch.Tests.Core.Sanity;

public class ExtractChecksTests
{
    private static readonly ReportingMonth June = new(2023, 6);
    private static readonly ReportingMonth July = new(2023, 7);

    private static readonly SanityThresholds Thresholds = new()
    {
        RowChangeShare = 0.30m,
        MinimumRows = 20,
        RejectedShareJump = 0.05m,
        MonthDates = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["medical"] = ["settled_on"] },
    };

    private static readonly string[] MedicalColumns = ["姓名", "身份证号", "结算日期", "个人自付"];

    private static ExtractFigures File(string file, int rows = 100, int rejected = 0, string[]? columns = null, string[]? townships = null,
        Dictionary<string, int>? settled = null) => new()
    {
        File = file,
        RowsRead = rows,
        Rejected = rejected,
        Columns = columns ?? MedicalColumns,
        Townships = townships?.ToHashSet(StringComparer.Ordinal),
        DateMonths = settled is null
            ? new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal) { ["settled_on"] = settled },
    };

    private static SourceMonth Month(ReportingMonth period, params ExtractFigures[] files) => new("medical", period, false, files);

    private static SourceMonth Roster(ReportingMonth period, params string[] townships) =>
        new("roster", period, true, [File($"roster/花名册_{period.Year}{period.Month:D2}.csv", townships: townships, columns: ["姓名", "身份证号", "乡镇"])]);

    [Fact]
    public void Compare_ColumnGoneAndNew_NamesBothWithFileAndPreviousFile()
    {
        var warning = Assert.Single(ExtractChecks.Compare(
            Month(July, File("medical/医保结算_住院_202307.csv", columns: ["姓名", "身份证号", "结算日期", "自付金额"])),
            Month(June, File("medical/医保结算_住院_202306.csv", 50), File("medical/医保结算_门诊_202306.csv", 50, columns: ["姓名", "身份证号", "结算日期", "自付金额"])),
            Thresholds));

        Assert.Equal(SanityCheck.Columns, warning.Check);
        Assert.Equal("medical/医保结算_住院_202307.csv", warning.File);
        // Compared with the file of the same name but for its month, not with the one whose columns happen to match.
        Assert.Contains("医保结算_住院_202306.csv", warning.Message, StringComparison.Ordinal);
        Assert.Contains("少了 个人自付", warning.Message, StringComparison.Ordinal);
        Assert.Contains("多了 自付金额", warning.Message, StringComparison.Ordinal);
        Assert.Equal("4 列：姓名、身份证号、结算日期、自付金额", warning.Figure);
        Assert.Equal("4 列：姓名、身份证号、结算日期、个人自付", warning.Previous);
    }

    [Fact]
    public void Compare_SameColumnsInAnotherOrder_Silent()
    {
        Assert.Empty(ExtractChecks.Compare(
            Month(July, File("medical/a_202307.csv", columns: ["身份证号", "姓名", "个人自付", "结算日期"])),
            Month(June, File("medical/a_202306.csv")), Thresholds));
    }

    [Fact]
    public void Compare_ColumnsUnknownOnOneSide_Silent()
    {
        var before = File("medical/a_202306.csv") with { Columns = null };
        Assert.Empty(ExtractChecks.Compare(Month(July, File("medical/a_202307.csv", columns: ["姓名"])), Month(June, before), Thresholds));
    }

    [Theory]
    [InlineData(131, "增加 31%")]
    [InlineData(69, "减少 31%")]
    public void Compare_RowsBeyondShare_WarnsWithBothFigures(int rows, string change)
    {
        var warning = Assert.Single(ExtractChecks.Compare(Month(July, File("medical/a_202307.csv", rows)), Month(June, File("medical/a_202306.csv", 100)), Thresholds));

        Assert.Equal(SanityCheck.RowCount, warning.Check);
        Assert.Equal($"{rows} 行", warning.Figure);
        Assert.Equal("100 行", warning.Previous);
        Assert.Contains(change, warning.Message, StringComparison.Ordinal);
        Assert.Contains("2023年6月为 100 行", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(130, 100)]
    [InlineData(70, 100)]
    [InlineData(1, 19)] // the previous month below minimum_rows: not compared
    public void Compare_RowsWithinShareOrFewBefore_Silent(int rows, int before)
    {
        Assert.Empty(ExtractChecks.Compare(Month(July, File("medical/a_202307.csv", rows)), Month(June, File("medical/a_202306.csv", before)), Thresholds));
    }

    [Fact]
    public void Compare_RowsSummedOverTheMonthsFiles()
    {
        Assert.Empty(ExtractChecks.Compare(
            Month(July, File("medical/住院_202307.csv", 60), File("medical/门诊_202307.csv", 40)),
            Month(June, File("medical/住院_202306.csv", 55), File("medical/门诊_202306.csv", 45)), Thresholds));
    }

    [Fact]
    public void Compare_RejectedShareJumps_Warns()
    {
        var warning = Assert.Single(ExtractChecks.Compare(
            Month(July, File("medical/a_202307.csv", 100, rejected: 8)), Month(June, File("medical/a_202306.csv", 100, rejected: 2)), Thresholds));

        Assert.Equal(SanityCheck.RejectedShare, warning.Check);
        Assert.Equal("8%（8 / 100 行）", warning.Figure);
        Assert.Equal("2%（2 / 100 行）", warning.Previous);
    }

    [Fact]
    public void Compare_RejectedShareRisesLittle_Silent()
    {
        Assert.Empty(ExtractChecks.Compare(
            Month(July, File("medical/a_202307.csv", 100, rejected: 7)), Month(June, File("medical/a_202306.csv", 100, rejected: 2)), Thresholds));
    }

    [Fact]
    public void Compare_SnapshotLosesTownship_NamesIt()
    {
        var warning = Assert.Single(ExtractChecks.Compare(Roster(July, "永福镇", "罗锦镇"), Roster(June, "永福镇", "罗锦镇", "百寿镇"), Thresholds));

        Assert.Equal(SanityCheck.Townships, warning.Check);
        Assert.Contains("没有 百寿镇 的任何记录", warning.Message, StringComparison.Ordinal);
        Assert.Equal("2 个乡镇", warning.Figure);
        Assert.Equal("3 个乡镇", warning.Previous);
    }

    [Fact]
    public void Compare_SnapshotKeepsTownshipsAndGainsOne_Silent()
    {
        Assert.Empty(ExtractChecks.Compare(Roster(July, "永福镇", "罗锦镇", "百寿镇"), Roster(June, "永福镇", "罗锦镇"), Thresholds));
    }

    [Fact]
    public void Compare_HistorySourceWithFewerTownships_Silent()
    {
        Assert.Empty(ExtractChecks.Compare(
            Month(July, File("medical/a_202307.csv", townships: ["永福镇"])), Month(June, File("medical/a_202306.csv", townships: ["永福镇", "罗锦镇"])), Thresholds));
    }

    [Fact]
    public void Compare_EveryDateOutsideTheMonth_Warns()
    {
        var warning = Assert.Single(ExtractChecks.Compare(
            Month(July, File("medical/a_202307.csv", settled: new() { ["2023-06"] = 90, ["2023-05"] = 10 })),
            Month(June, File("medical/a_202306.csv", settled: new() { ["2023-06"] = 95, ["2023-05"] = 5 })), Thresholds));

        Assert.Equal(SanityCheck.Dates, warning.Check);
        Assert.Equal("0 / 100 在2023年7月", warning.Figure);
        Assert.Equal("95 / 100 在2023年6月", warning.Previous);
        Assert.Contains("结算日期（settled_on）", warning.Message, StringComparison.Ordinal);
        Assert.Contains("最多的是 2023-06", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SomeDatesInTheMonth_Silent()
    {
        Assert.Empty(ExtractChecks.Compare(Month(July, File("medical/a_202307.csv", settled: new() { ["2023-06"] = 90, ["2023-07"] = 1 })), null, Thresholds));
    }

    [Fact]
    public void Compare_FirstMonthOfASource_OnlyTheDatesAreChecked()
    {
        var warning = Assert.Single(ExtractChecks.Compare(Month(July, File("medical/a_202307.csv", settled: new() { ["2023-06"] = 3 })), null, Thresholds));
        Assert.Equal(SanityCheck.Dates, warning.Check);
        Assert.Equal("—", warning.Previous);
    }
}
