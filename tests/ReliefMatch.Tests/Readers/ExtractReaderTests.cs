using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Readers;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Tests.Readers;

/// <summary>What every extract shares: formats, encodings, header detection, skipped rows, counts and refusals.</summary>
public sealed partial class ExtractReaderTests : IDisposable
{
    private readonly TestExtracts files = new();

    public void Dispose() => files.Dispose();

    private const string MedicalHeader = "姓名,身份证号,结算日期,医疗总费用,统筹支付,大病保险支付,医疗救助支付,个人自付";
    private static readonly string Id1 = TestIds.Make("19800101", 123);
    private static readonly string Id2 = TestIds.Make("19820315", 224);

    [Fact]
    public void Open_Utf8WithoutBom_ReportsUtf8()
    {
        var path = files.Csv(MedicalHeader, $"张三,{Id1},2023-07-04,100,50,0,0,50");
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("UTF-8", reading.Encoding);
        Assert.Null(reading.Sheet);
        Assert.Equal("张三", Assert.Single(records).Name);
    }

    [Fact]
    public void Open_Utf8WithBom_ReportsBomAndFirstHeaderIsClean()
    {
        var path = files.Csv([MedicalHeader, $"张三,{Id1},2023-07-04,100,50,0,0,50"], bom: true);
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("UTF-8 (BOM)", reading.Encoding);
        Assert.Equal("姓名", reading.Headers[0]);
        Assert.Equal(0, reading.Columns[ExtractField.Name]);
        Assert.Equal(2, Assert.Single(records).Row);
    }

    [Fact]
    public void Open_Gb18030_ReadsChineseAndReportsGb18030()
    {
        var text = File.ReadAllText(TestExtracts.Fixture("roster.csv"), Encoding.UTF8);
        var path = files.Write(text, TestExtracts.Gb18030);
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Roster);
        Assert.Equal("GB18030", reading.Encoding);
        var roster = records.Cast<RosterRecord>().ToList();
        Assert.Equal(["张三", "李四", "王五", "赵六"], roster.Select(r => r.Name));
        Assert.Equal("永福镇", roster[0].Township);
        Assert.Equal("城北社区", roster[0].Village);
        Assert.Equal(Programme.RuralDibao, roster[0].Programme);
    }

    [Fact]
    public void Open_GbkFile_ReadAsGb18030()
    {
        var text = File.ReadAllText(TestExtracts.Fixture("police-deaths.csv"), Encoding.UTF8);
        var path = files.Write(text, Encoding.GetEncoding("GBK"));
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.PoliceDeaths);
        Assert.Equal("GB18030", reading.Encoding);
        Assert.Equal(["张三", "李四", "王五"], records.Select(r => r.Name));
        Assert.Equal("迁出", ((DeathRecord)records[2]).CancelReason);
    }

    [Fact]
    public void Open_GbkFileWithCharactersBeyondGbk_ReadsThemAsGb18030()
    {
        // 㐀 (U+3400) is outside GBK: GB18030 writes it as four bytes.
        var path = files.Write($"{MedicalHeader}\n韦㐀,{Id1},2023-07-04,1,1,0,0,0\n", TestExtracts.Gb18030);
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("GB18030", reading.Encoding);
        Assert.Equal("韦㐀", Assert.Single(records).Name);
    }

    [Fact]
    public void Open_CrLfLineEnds_SameAsLf()
    {
        var path = files.Csv([MedicalHeader, $"张三,{Id1},2023-07-04,100,50,0,0,50", $"李四,{Id2},2023-07-05,100,50,0,0,50"], newline: "\r\n");
        var (_, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal([2, 3], records.Select(r => r.Row));
        Assert.Equal(Id2, records[1].Id.Text);
    }

    [Fact]
    public void Open_DisplayName_UsedInReport()
    {
        var path = files.Csv(MedicalHeader);
        using var reading = ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options, "medical/医保结算_202307.csv");
        Assert.Equal("medical/医保结算_202307.csv", reading.ToReport("abc", 1).File);
    }

    [Fact]
    public void Open_NoDisplayName_SourceAndFileName()
    {
        var path = files.Csv(MedicalHeader);
        using var reading = ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options);
        Assert.Equal("medical/" + Path.GetFileName(path), reading.File);
    }

    [Fact]
    public void Open_TitleRowsAboveHeader_HeaderFoundBelowThem()
    {
        var (reading, records) = TestExtracts.ReadAll(TestExtracts.Fixture("roster.csv"), SourceKind.Roster);
        Assert.Equal(3, reading.HeaderRow);
        Assert.Equal([4, 5, 6, 8], records.Select(r => r.Row));
    }

    [Fact]
    public void Open_HeaderOnTenthRow_Found()
    {
        var lines = Enumerable.Range(1, 9).Select(i => $"标题{i},,").Append(MedicalHeader).Append($"张三,{Id1},2023-07-04,1,1,0,0,0");
        var (reading, records) = TestExtracts.ReadAll(files.Csv(lines), SourceKind.Medical);
        Assert.Equal(10, reading.HeaderRow);
        Assert.Equal(11, Assert.Single(records).Row);
    }

    [Fact]
    public void Open_HeaderOnEleventhRow_Refused()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"标题{i},,").Append(MedicalHeader);
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(files.Csv(lines), SourceKind.Medical, TestExtracts.Options));
        Assert.Contains("10", refused.Reason);
    }

    [Fact]
    public void Open_RequiredColumnsMissing_RefusedNamingHeadersFound()
    {
        var path = files.Csv("永福县医保结算明细", "序号,姓名,身份证号,医疗总费用,备注", $"1,张三,{Id1},100,");
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options, "medical/x.csv"));
        Assert.Equal("medical/x.csv", refused.File);
        Assert.Equal(["序号", "姓名", "身份证号", "医疗总费用", "备注"], refused.FoundHeaders);
        foreach (var header in refused.FoundHeaders)
        {
            Assert.Contains(header, refused.Reason);
        }
        Assert.Contains("结算日期", refused.Reason);
        Assert.DoesNotContain("身份证号或", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
        Assert.StartsWith("medical/x.csv: ", refused.Message);

        var report = refused.ToReport(SourceKind.Medical, "sha", 42);
        Assert.Equal(refused.Reason, report.RefusedReason);
        Assert.Equal(0, report.Accepted);
        Assert.Equal(42, report.Size);
    }

    [Fact]
    public void Open_HeaderRegionHoldsAnId_RefusalQuotesItMasked()
    {
        // The refusal goes to the import report, the job's record, the audit log and the server log: no full ID.
        var path = files.Csv($"永福县医保结算明细 经办人 {Id1}", $"序号,姓名,身份证号,{Id2},备注", $"1,张三,{Id1},100,");
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options, "medical/x.csv"));

        Assert.Equal(["序号", "姓名", "身份证号", ReliefMatch.Core.Identity.ResidentId.Mask(Id2), "备注"], refused.FoundHeaders);
        Assert.Contains(ReliefMatch.Core.Identity.ResidentId.Mask(Id2), refused.Reason, StringComparison.Ordinal);
        foreach (var text in new[] { refused.Reason, refused.Message, refused.ToReport(SourceKind.Medical, "sha", 1).RefusedReason! })
        {
            Assert.DoesNotContain(Id1, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Id2, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Open_WrongSourceChosen_RefusedNamingWhatIsMissing()
    {
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(TestExtracts.Fixture("medical.csv"), SourceKind.Roster, TestExtracts.Options));
        Assert.Contains("乡镇(街道)", refused.Reason);
        Assert.Contains("救助类别", refused.Reason);
        Assert.Contains("参保人姓名", refused.FoundHeaders);
    }

    [Fact]
    public void Open_PoliceFileWithoutAnyDateColumn_RefusedNamingBothAlternatives()
    {
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(files.Csv("姓名,公民身份号码,注销原因"), SourceKind.PoliceDeaths, TestExtracts.Options));
        Assert.Contains("死亡日期或注销日期", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Open_EmptyFile_Refused()
    {
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(files.Write(""), SourceKind.Medical, TestExtracts.Options));
        Assert.Equal("文件为空", refused.Reason);
        Assert.Empty(refused.FoundHeaders);
    }

    [Fact]
    public void Open_LegacyXls_Refused()
    {
        var path = files.WriteBytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], ".xls");
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));
        Assert.Contains(".xls", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Open_BinaryFile_Refused()
    {
        var path = files.WriteBytes([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02], ".pdf");
        Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));
    }

    [Fact]
    public void Open_ZipThatIsNotAWorkbook_Refused()
    {
        var path = files.NewPath(".xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }
        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));
        Assert.StartsWith("无法读取的文件：", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_BlankAndFooterRows_SkippedNotRejected()
    {
        var path = files.Csv(
            "序号," + MedicalHeader,
            $"1,张三,{Id1},2023-07-04,100,50,0,0,50",
            "",
            ",,,,,,,,",
            " , ,\u3000,,,,,,",
            $"2,李四,{Id2},2023-07-05,100,50,0,0,50",
            "小计,,,,200,100,0,0,100",
            ",合  计,,,200,100,0,0,100",
            "总计：,,,,200,100,0,0,100");
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal(8, reading.RowsRead);
        Assert.Equal(2, reading.Accepted);
        Assert.Equal(6, reading.Skipped);
        Assert.Equal(0, reading.Rejected);
        Assert.Equal([2, 6], records.Select(r => r.Row));
    }

    [Fact]
    public void Records_FixtureWithTitleBlankAndFooter_CountsAddUp()
    {
        var (reading, _) = TestExtracts.ReadAll(TestExtracts.Fixture("roster.csv"), SourceKind.Roster);
        Assert.Equal(7, reading.RowsRead);
        Assert.Equal(4, reading.Accepted);
        Assert.Equal(3, reading.Skipped);
        Assert.Equal(0, reading.Rejected);
    }

    [Fact]
    public void Records_QuotedFieldsWithNewlines_RowIsTheLineWhereTheRecordStarts()
    {
        var (reading, records) = TestExtracts.ReadAll(TestExtracts.Fixture("medical.csv"), SourceKind.Medical);
        Assert.Equal([2, 3, 5, 7], records.Select(r => r.Row));
        Assert.Equal([6, 10], reading.Rejects.Select(r => r.Row));
        Assert.Equal(6, reading.RowsRead);
    }

    [Fact]
    public void Records_QuotedFieldsWithCommas_ReadWhole()
    {
        var records = TestExtracts.ReadAll<MedicalRecord>(TestExtracts.Fixture("medical.csv"), SourceKind.Medical);
        Assert.Equal(12345.67m, records[0].Total);
        Assert.Equal(8000m, records[0].BasicPaid);
        Assert.Equal("永福县人民医院", records[0].Institution);
        Assert.Equal("住院", records[3].VisitType);
    }

    [Fact]
    public void Records_UnknownColumnsAndSerialNumber_Ignored()
    {
        var path = files.Csv($"序号,备注,{MedicalHeader},经办人", $"7,无,张三,{Id1},2023-07-04,100,50,0,0,50,王");
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        Assert.Equal("张三", Assert.Single(records).Name);
        Assert.Equal(["序号", "备注", "姓名", "身份证号", "结算日期", "医疗总费用", "统筹支付", "大病保险支付", "医疗救助支付", "个人自付", "经办人"], reading.Headers);
    }

    [Fact]
    public void Records_ShortRaggedRow_MissingCellsAreBlank()
    {
        var path = files.Csv(MedicalHeader + ",就诊机构", $"张三,{Id1},2023-07-04");
        var record = Assert.IsType<MedicalRecord>(Assert.Single(TestExtracts.ReadAll(path, SourceKind.Medical).Records));
        Assert.Equal(0m, record.Total);
        Assert.Equal(0m, record.OutOfPocket);
        Assert.Null(record.Institution);
    }

    [Fact]
    public void Records_TwoColumnsForOneField_ContractsFirstSpellingWins()
    {
        var path = files.Csv("姓名,身份证号,出院日期,结算日期", $"张三,{Id1},2023-07-01,2023-07-04");
        var record = Assert.IsType<MedicalRecord>(Assert.Single(TestExtracts.ReadAll(path, SourceKind.Medical).Records));
        Assert.Equal(new DateOnly(2023, 7, 4), record.SettledOn);
    }

    [Fact]
    public void Records_HeaderCellsWithSpacesFullWidthParenthesesUnitsAndLineBreaks_Matched()
    {
        var path = files.Csv(" 姓名 ,\"身份\n证号\",\"结算日期\r\n\",医疗总费用（元）,统筹支付(元),大病保险支付 （元）,医疗救助支付,个人自付(单位：元)", $"张三,{Id1},2023-07-04,100,50,10,5,35");
        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);
        var record = Assert.IsType<MedicalRecord>(Assert.Single(records));
        Assert.Equal(4, record.Row);
        Assert.Equal((100m, 50m, 10m, 35m), (record.Total, record.BasicPaid, record.CriticalPaid, record.OutOfPocket));
        Assert.Equal(1, reading.HeaderRow);
    }

    [Fact]
    public void Records_EnumeratedTwice_Throws()
    {
        using var reading = ExtractReader.Open(files.Csv(MedicalHeader), SourceKind.Medical, TestExtracts.Options);
        _ = reading.Records().ToList();
        Assert.Throws<InvalidOperationException>(() => reading.Records());
    }

    [Fact]
    public void Records_Streamed_CountsGrowAsRowsAreRead()
    {
        var path = files.Csv(MedicalHeader, $"张三,{Id1},2023-07-04,1,1,0,0,0", $"李四,{Id2},2023-07-05,1,1,0,0,0");
        using var reading = ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options);
        using var e = reading.Records().GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(1, reading.Accepted);
        Assert.True(e.MoveNext());
        Assert.False(e.MoveNext());
        Assert.Equal(2, reading.Accepted);
    }

    [Fact]
    public void ToReport_AfterReading_CarriesEverything()
    {
        using var reading = ExtractReader.Open(TestExtracts.Fixture("medical.csv"), SourceKind.Medical, TestExtracts.Options, "medical/medical.csv");
        _ = reading.Records().ToList();
        var report = reading.ToReport("0123abcd", 776);
        Assert.Equal(SourceKind.Medical, report.Source);
        Assert.Equal("medical/medical.csv", report.File);
        Assert.Equal(("0123abcd", 776L), (report.Sha256, report.Size));
        Assert.Equal("UTF-8", report.Encoding);
        Assert.Equal(1, report.HeaderRow);
        Assert.Equal((6, 4, 2, 0), (report.RowsRead, report.Accepted, report.Rejected, report.Skipped));
        Assert.Equal(reading.Rejects, report.Rejects);
        Assert.Null(report.RefusedReason);
    }

    [Fact]
    public void Rejects_Details_LineColumnAsInFileValueAsReadAndReason()
    {
        var (reading, _) = TestExtracts.ReadAll(TestExtracts.Fixture("medical.csv"), SourceKind.Medical);
        Assert.Equal(
            [
                new RejectedRow(6, "证件号码", "", "身份证号为空"),
                new RejectedRow(10, "结算日期", "不详", "无法识别的日期"),
            ],
            reading.Rejects);
    }

    [Theory]
    [InlineData("roster.csv", SourceKind.Roster)]
    [InlineData("police-deaths.csv", SourceKind.PoliceDeaths)]
    [InlineData("health-deaths.csv", SourceKind.HealthDeaths)]
    [InlineData("disability.csv", SourceKind.Disability)]
    [InlineData("medical.csv", SourceKind.Medical)]
    [InlineData("medical-no-out-of-pocket.csv", SourceKind.Medical)]
    [InlineData("monitoring.csv", SourceKind.Monitoring)]
    public void Recognise_FixtureOfEachSource_ThatSource(string fixture, SourceKind expected) =>
        Assert.Equal(expected, ExtractReader.Recognise(TestExtracts.Fixture(fixture), SourceCatalog.Shipped, TestExtracts.Options));

    [Fact]
    public void Recognise_Gb18030Roster_Roster()
    {
        var text = File.ReadAllText(TestExtracts.Fixture("roster.csv"), Encoding.UTF8);
        Assert.Equal(SourceKind.Roster, ExtractReader.Recognise(files.Write(text, TestExtracts.Gb18030), SourceCatalog.Shipped, TestExtracts.Options));
    }

    [Fact]
    public void Recognise_HeadersEitherDeathSourceCouldHave_Null() =>
        Assert.Null(ExtractReader.Recognise(files.Csv("姓名,身份证号,死亡日期", $"张三,{Id1},2023-07-04"), SourceCatalog.Shipped, TestExtracts.Options));

    [Fact]
    public void Recognise_PoliceHeaders_PoliceDeaths() =>
        Assert.Equal(SourceKind.PoliceDeaths, ExtractReader.Recognise(files.Csv("姓名,身份证号,死亡日期,注销原因"), SourceCatalog.Shipped, TestExtracts.Options));

    [Fact]
    public void Recognise_NoSourcesHeaders_Null() =>
        Assert.Null(ExtractReader.Recognise(files.Csv("编号,金额,备注", "1,2,3"), SourceCatalog.Shipped, TestExtracts.Options));

    [Fact]
    public void Recognise_MonitoringHeadersOnly_Monitoring() =>
        Assert.Equal(SourceKind.Monitoring, ExtractReader.Recognise(files.Csv("姓名,证件号码,户码,风险是否消除"), SourceCatalog.Shipped, TestExtracts.Options));

    /// <summary>Every file of the sample's drop folder, the plan's fourteen further sources with the six, CSV and XLSX, messy ones too.</summary>
    public static TheoryData<string, string> SampleFiles()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(RepositoryRoot.Path, "sample-data");
        foreach (var declaration in SourceCatalog.Shipped.Sources)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, declaration.Id)).Order(StringComparer.Ordinal))
            {
                data.Add(declaration.Id, Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Recognise_SampleFileOfEveryDeclaredSource_ThatSource(string source, string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, "sample-data", source, file);
        Assert.Equal(source, ExtractReader.Recognise(path, SourceCatalog.Shipped, TestExtracts.Options)?.Id);
    }

    [Fact]
    public void Recognise_PaymentsHeaders_Payments() =>
        Assert.Equal("payments", ExtractReader.Recognise(files.Csv("收款人姓名,身份证号码,一卡通账号,资金所属期,实发金额,补贴项目", $"张三,{Id1},6230,2023-07,500,农村低保"),
            SourceCatalog.Shipped, TestExtracts.Options)?.Id);

    [Fact]
    public void Recognise_ACountysOwnDeclaredSource_ThatSourceByItsHeaderSpellings()
    {
        var catalog = SourceCatalog.Installation([new ReliefMatch.Core.Rules.RuleFile("cremation.yaml", ReliefMatch.Tests.Core.Sources.SourceDeclarationLoaderTests.Cremation)]);
        var path = files.Csv("逝者姓名,身份证号,火化日期", $"张三,{Id1},2023-07-04");

        Assert.Equal("cremation", ExtractReader.Recognise(path, catalog, TestExtracts.Options)?.Id);
        // Without the county's declaration no source fits.
        Assert.Null(ExtractReader.Recognise(path, SourceCatalog.Shipped, TestExtracts.Options));
    }

    [Fact]
    public void Recognise_UnreadableFile_Refused() =>
        Assert.Throws<ExtractRefusedException>(() => ExtractReader.Recognise(files.WriteBytes([0xD0, 0xCF, 0x11, 0xE0], ".xls"), SourceCatalog.Shipped, TestExtracts.Options));
}
