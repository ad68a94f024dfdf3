using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Readers;

/// <summary>医保 结算明细 and 乡村振兴 防止返贫监测对象.</summary>
public sealed partial class ExtractReaderTests
{
    [Fact]
    public void Records_MedicalFixture_AmountsAndDates()
    {
        var records = TestExtracts.ReadAll<MedicalRecord>(TestExtracts.Fixture("medical.csv"), SourceKind.Medical);
        Assert.Equal(4, records.Count);
        var first = records[0];
        Assert.Equal("张三", first.Name);
        Assert.Equal(new DateOnly(2023, 7, 4), first.SettledOn);
        Assert.Equal((12345.67m, 8000m, 1000m, 500.5m, 2845.17m), (first.Total, first.BasicPaid, first.CriticalPaid, first.AssistancePaid, first.OutOfPocket));
        Assert.Equal(new DateOnly(2023, 7, 5), records[1].SettledOn);

        // 个人自付 column present but blank: 0, as are the blank fund columns.
        var blank = records[2];
        Assert.Equal(new DateOnly(2023, 7, 6), blank.SettledOn);
        Assert.Equal((1000m, 600m, 0m, 0m, 0m), (blank.Total, blank.BasicPaid, blank.CriticalPaid, blank.AssistancePaid, blank.OutOfPocket));
        Assert.Equal("门诊慢特病", blank.VisitType);
    }

    [Fact]
    public void Records_DeclaredSkipFilter_RowsPassedOverAreCountedSkippedNotRejected()
    {
        // The shipped medical declaration with a filter a county could add: only inpatient settlements.
        var declaration = SourceKind.Medical.Declaration() with
        {
            Filters = [new RowFilter { Field = "visit_type", Keep = ["住院"], KeepWhenAbsent = true, Otherwise = RowFilterEffect.Skip }],
        };
        var path = files.Csv("姓名,身份证号,结算日期,个人自付,就诊类型",
            $"张三,{Id1},2023-07-04,100,住院", $"张三,{Id1},2023-07-05,50,门诊", $"张三,{Id1},2023-07-06,20,", $"张三,{Id1},不详,20, 住院 ");
        using var reading = ReliefMatch.Readers.ExtractReader.Open(path, declaration, TestExtracts.Options);

        var records = reading.Records().Cast<MedicalRecord>().ToList();

        Assert.Equal([new DateOnly(2023, 7, 4)], records.Select(r => r.SettledOn));
        Assert.Equal((4, 1, 2, 1), (reading.RowsRead, reading.Accepted, reading.Skipped, reading.Rejected));
        Assert.Equal(5, Assert.Single(reading.Rejects).Row); // passed the filter (trimmed), then refused for its date
    }

    [Fact]
    public void Records_MedicalWithoutOutOfPocketColumn_TotalLessFunds()
    {
        var records = TestExtracts.ReadAll<MedicalRecord>(TestExtracts.Fixture("medical-no-out-of-pocket.csv"), SourceKind.Medical);
        Assert.Equal(12345.67m - 8000m - 1000m - 500.50m, records[0].OutOfPocket);
        Assert.Equal(300m, records[1].OutOfPocket);
        Assert.Equal(0m, records[1].BasicPaid);
    }

    [Fact]
    public void Records_MedicalOnlyTotalColumn_OutOfPocketIsTotal()
    {
        var record = Assert.Single(TestExtracts.ReadAll<MedicalRecord>(files.Csv("姓名,身份证号,结算日期,总费用", $"张三,{Id1},2023-07-04,88.8"), SourceKind.Medical));
        Assert.Equal(88.8m, record.OutOfPocket);
        Assert.Null(record.BasicPaid);
    }

    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("\"1,234.50\"", "1234.50")]
    [InlineData("1234.50元", "1234.50")]
    [InlineData("\"￥1,234.50\"", "1234.50")]
    [InlineData("¥1234", "1234")]
    [InlineData("", "0")]
    public void Records_MedicalMoneySpelling_ExactDecimal(string cell, string expected)
    {
        var record = Assert.Single(TestExtracts.ReadAll<MedicalRecord>(files.Csv("姓名,身份证号,结算日期,个人自付", $"张三,{Id1},2023-07-04,{cell}"), SourceKind.Medical));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), record.OutOfPocket);
    }

    [Theory]
    [InlineData("2023-07-04")]
    [InlineData("2023/7/4")]
    [InlineData("20230704")]
    [InlineData("2023年7月4日")]
    [InlineData("2023.07.04")]
    [InlineData("2023-07-04 14:30")]
    [InlineData("2023/7/4 14:30:00")]
    public void Records_MedicalDateSpelling_SameDay(string cell) =>
        Assert.Equal(new DateOnly(2023, 7, 4), Assert.Single(TestExtracts.ReadAll<MedicalRecord>(
            files.Csv("姓名,身份证号,结算日期", $"张三,{Id1},{cell}"), SourceKind.Medical)).SettledOn);

    [Theory]
    [InlineData("2023-07")]
    [InlineData("2023年7月")]
    [InlineData("202307")]
    public void Records_MedicalMonthAlone_FirstDay(string cell) =>
        Assert.Equal(new DateOnly(2023, 7, 1), Assert.Single(TestExtracts.ReadAll<MedicalRecord>(
            files.Csv("姓名,身份证号,结算日期", $"张三,{Id1},{cell}"), SourceKind.Medical)).SettledOn);

    [Fact]
    public void Records_MedicalMoneyNotParsed_RejectedNamingColumnAsInFile()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,结算日期,大病保险支付（元）", $"张三,{Id1},2023-07-04, 12元5 "), SourceKind.Medical);
        Assert.Empty(records);
        Assert.Equal(
            new RejectedRow(2, "大病保险支付（元）", " 12元5 ", "无法识别的金额"),
            Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_MedicalSettledOnEmpty_Rejected()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,费用结算日期", $"张三,{Id1},"), SourceKind.Medical);
        Assert.Equal(new RejectedRow(2, "费用结算日期", "", "费用结算日期为空"), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_MonitoringFixture_RiskClearedAndIncome()
    {
        var records = TestExtracts.ReadAll<MonitoringRecord>(TestExtracts.Fixture("monitoring.csv"), SourceKind.Monitoring);
        Assert.Equal(3, records.Count);
        var first = records[0];
        Assert.Equal(("永福镇", "城北社区", "M001"), (first.Township, first.Village, first.HouseholdId));
        Assert.Equal("户主", first.Relation);
        Assert.Equal("脱贫不稳定户", first.MonitorType);
        Assert.Equal("因病", first.Risk);
        Assert.Equal(new DateOnly(2022, 5, 1), first.IdentifiedOn);
        Assert.False(first.RiskCleared);
        Assert.Equal(6500m, first.IncomePerCapita);
        Assert.True(records[1].RiskCleared);
        Assert.False(records[2].RiskCleared);
        Assert.Equal(new DateOnly(2023, 1, 1), records[2].IdentifiedOn);
        Assert.Equal(0m, records[2].IncomePerCapita);
    }

    [Fact]
    public void Records_MonitoringMissingId_Rejected()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,证件号码,风险是否消除", "张三,,否", $"李四,{Id2},是"), SourceKind.Monitoring);
        Assert.Equal("李四", Assert.Single(records).Name);
        Assert.Equal(new RejectedRow(2, "证件号码", "", IdProblem.Missing.Describe()), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_MonitoringRiskClearedNotYesNo_Rejected()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,证件号码,风险是否消除", $"张三,{Id1},已消除"), SourceKind.Monitoring);
        Assert.Equal(new RejectedRow(2, "风险是否消除", "已消除", "无法识别的风险是否消除"), Assert.Single(reading.Rejects));
    }
}
