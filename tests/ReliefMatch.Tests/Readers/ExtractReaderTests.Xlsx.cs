using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers;
using static ReliefMatch.Tests.Readers.TestWorkbook;

namespace ReliefMatch.Tests.Readers;

/// <summary>XLSX extracts: sheet choice, sheet rows, and every cell kind.</summary>
public sealed partial class ExtractReaderTests
{
    private string Workbook(TestWorkbook workbook)
    {
        var path = files.NewPath(".xlsx");
        workbook.Save(path);
        return path;
    }

    [Fact]
    public void Open_XlsxFirstSheetWithoutHeader_SecondSheetReadAndNamed()
    {
        var path = Workbook(new TestWorkbook()
            .Sheet("说明").Row(1, "本表为医保结算明细").Row(2, "数据截至2023年7月31日")
            .Sheet("明细").Row(2, "永福县医保结算明细").Row(4, "序号", "姓名", "身份证号", "结算日期").Row(5, 1, "张三", Id1, "2023-07-04")
            .Sheet("另一表").Row(1, "姓名", "身份证号", "结算日期").Row(2, "李四", Id2, "2023-07-05"));
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("XLSX", reading.Encoding);
        Assert.Equal("明细", reading.Sheet);
        Assert.Equal(4, reading.HeaderRow);
        var record = Assert.Single(records);
        Assert.Equal(("张三", 5), (record.Name, record.Row));
        Assert.Equal("明细", reading.ToReport("", 0).Sheet);
    }

    [Fact]
    public void Open_XlsxWithoutHeaderInAnySheet_RefusedNamingClosestRow()
    {
        var path = Workbook(new TestWorkbook()
            .Sheet("一").Row(1, "标题")
            .Sheet("二").Row(1, "姓名", "身份证号", "金额").Row(2, "张三", Id1, 5));
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));
        Assert.Equal(["姓名", "身份证号", "金额"], refused.FoundHeaders);
        Assert.Contains("结算日期", refused.Reason);
    }

    [Fact]
    public void Records_XlsxCellKinds_TextNumberDateFormulaRead()
    {
        var path = Workbook(new TestWorkbook()
            .Row(1, "医保结算明细")
            .Row(3, "序号", "姓名", "身份证号", "结算日期", "医疗总费用", "统筹支付", "个人自付", "就诊类型")
            .Row(4, 1, "张三", Id1, new DateCell(new DateTime(2023, 7, 4)), 1234.5, 1000, new FormulaCell("E4-F4", 234.5), "住院")
            .Row(5, 2, new InlineText("李四"), Id2, 45112, "1,000.00", 600.25, new FormulaCell("E5-F5", 399.74999999999994), new FormulaCell("\"门\"&\"诊\"", "门诊"))
            .Row(6, 3, "王五", TestIds.Make("19450620", 311)[..6] + "450620311", 20230706, 10, 0, 10, "门诊")
            .Row(7, 4, new FormulaCell("\"赵\"&\"六\"", "赵六"), 450326450620311L, "2023/7/7", 5, 0, 5, "门诊")
            .Row(9, "合计", null, null, null, new FormulaCell("SUM(E4:E7)", 2249.5)));
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        var medical = records.Cast<MedicalRecord>().ToList();
        Assert.Equal([4, 5, 6, 7], medical.Select(r => r.Row));
        Assert.Equal(["张三", "李四", "王五", "赵六"], medical.Select(r => r.Name));
        Assert.Equal([new DateOnly(2023, 7, 4), new DateOnly(2023, 7, 5), new DateOnly(2023, 7, 6), new DateOnly(2023, 7, 7)], medical.Select(r => r.SettledOn));
        Assert.Equal([1234.5m, 1000m, 10m, 5m], medical.Select(r => r.Total!.Value));
        Assert.Equal([234.5m, 399.75m, 10m, 5m], medical.Select(r => r.OutOfPocket));
        Assert.Equal(600.25m, medical[1].BasicPaid);
        Assert.Equal("门诊", medical[1].VisitType);
        // A numeric cell of 15 digits is a legacy ID that survives Excel, and is upgraded.
        Assert.True(medical[3].Id.IsValid);
        Assert.True(medical[3].Id.UpgradedFrom15);
        Assert.Equal(TestIds.Make("19450620", 311), medical[3].Id.Text);
        // Rows 8 (absent) and 9 (合计) are skipped.
        Assert.Equal((6, 4, 0, 2), (reading.RowsRead, reading.Accepted, reading.Rejected, reading.Skipped));
    }

    [Fact]
    public void Records_XlsxNumericEighteenDigitId_RejectedAsExcelDamaged()
    {
        var path = Workbook(new TestWorkbook()
            .Row(1, "姓名", "身份证号", "结算日期")
            .Row(2, "张三", 450326198001011239d, "2023-07-04")
            .Row(3, "李四", Id2, "2023-07-04"));
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("李四", Assert.Single(records).Name);
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal((2, "身份证号", IdProblem.ExcelDamaged.Describe()), (reject.Row, reject.Column, reject.Reason));
        Assert.Equal(450326198001011239d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), reject.Value);
    }

    [Fact]
    public void Records_XlsxNumberInDateColumnNotADate_RejectedNamingColumn()
    {
        var path = Workbook(new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期").Row(2, "张三", Id1, 1234567));
        var (reading, _) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal(new RejectedRow(2, "结算日期", "1234567", "无法识别的日期"), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_XlsxRoster_NumericCodesAndBooleans()
    {
        var path = Workbook(new TestWorkbook()
            .Row(1, "区划代码", "乡镇", "家庭编号", "姓名", "身份证号", "救助类别", "保障状态", "月保障金额", "收入是否稳定", "最近核对日期")
            .Row(2, 450327, "永福镇", 4503261010001L, "张三", Id1, "农村低保", "在保", 620, "否", new DateCell(new DateTime(2023, 1, 31)))
            .Row(3, null, "永福镇", 4503261010001L, "李四", Id2, "农村低保", "在保", new FormulaCell("300*2", 600), true, 44957));
        var roster = TestExtracts.ReadAll<RosterRecord>(path, SourceKind.Roster);
        Assert.Equal(["450327", "450326"], roster.Select(r => r.CountyCode));
        Assert.All(roster, r => Assert.Equal("4503261010001", r.HouseholdId));
        Assert.Equal([620m, 600m], roster.Select(r => r.MonthlyAmount!.Value));
        Assert.Equal([false, true], roster.Select(r => r.IncomeStable!.Value));
        Assert.All(roster, r => Assert.Equal(new DateOnly(2023, 1, 31), r.LastCheckOn));
    }

    [Fact]
    public void Records_XlsxDisability_NumericCodesAndDamagedCertificate()
    {
        var path = Workbook(new TestWorkbook()
            .Row(1, "姓名", "身份证号", "残疾人证号", "残疾类别", "残疾等级")
            .Row(2, "张三", Id1, Id1 + "42", 4, 2)
            .Row(3, "李四", null, 45032619820315224042d, 1, 1));
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Disability);
        var holder = Assert.IsType<DisabilityRecord>(Assert.Single(records));
        Assert.Equal((DisabilityCategory.Physical, 2), (holder.Category, holder.Level));
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal((3, "残疾人证号", IdProblem.ExcelDamaged.Describe()), (reject.Row, reject.Column, reject.Reason));
    }

    [Fact]
    public void Recognise_XlsxSecondSheet_Source()
    {
        var path = Workbook(new TestWorkbook()
            .Sheet("封面").Row(1, "防止返贫监测对象")
            .Sheet("数据").Row(1, "姓名", "身份证号", "户编号", "监测对象类别", "风险是否消除"));
        Assert.Equal(SourceKind.Monitoring, ExtractReader.Recognise(path, SourceCatalog.Shipped, TestExtracts.Options));
    }

    [Fact]
    public void Open_TruncatedWorkbook_Refused()
    {
        var whole = Workbook(new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期").Row(2, "张三", Id1, "2023-07-04"));
        var bytes = File.ReadAllBytes(whole);
        var path = files.WriteBytes(bytes[..(bytes.Length / 2)], ".xlsx");
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));
        Assert.StartsWith("无法读取的文件：", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_XlsxCellLongerThanExcelAllows_FileRefusedNamingSheetRowColumnAndLimit()
    {
        // Characters that do not compress, so that only the cell's length gives the file away.
        var random = new Random(3);
        var text = string.Create(40_000, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next(0x4E00, 0x9FA5);
            }
        });
        var path = Workbook(new TestWorkbook()
            .Sheet("明细").Row(1, "姓名", "身份证号", "结算日期").Row(2, "张三", Id1, "2023-07-04").Row(3, "李四", Id2, text));
        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/long.xlsx", null));

        Assert.Equal("medical/long.xlsx", refused.File);
        Assert.Contains("明细", refused.Reason);
        Assert.Contains("第 3 行第 3 列", refused.Reason);
        Assert.Contains("40000", refused.Reason);
        Assert.Contains("32767", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Records_XlsxPastTheRowLimit_FileRefusedNamingTheLimit()
    {
        var workbook = new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期");
        for (var row = 2; row <= 20; row++)
        {
            workbook.Row(row, "张三", Id1, "2023-07-04");
        }
        var options = TestExtracts.Options with { Xlsx = ReliefMatch.Readers.Tables.XlsxLimits.Extracts with { MaxRows = 12 } };
        var path = Workbook(workbook);

        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/rows.xlsx", options));

        Assert.Contains("超过 12 行的上限", refused.Reason);
    }

    [Fact]
    public void Records_XlsxRowNumberedPastTheLimit_RefusedWithoutWalkingTheGap()
    {
        // A row numbered 2,000,000 would have the reader walk two million empty rows before it.
        var path = Workbook(new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期").Row(2_000_000, "张三", Id1, "2023-07-04"));
        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/gap.xlsx", null));

        Assert.Contains("1048576", refused.Reason);
    }

    /// <summary>Opens and reads to the end: a limit may be met by the header search or further down.</summary>
    private static void ReadThrough(string path, string name, ExtractReaderOptions? options)
    {
        using var reading = ExtractReader.Open(path, SourceKind.Medical, options ?? TestExtracts.Options, name);
        _ = reading.Records().Count();
    }
}
