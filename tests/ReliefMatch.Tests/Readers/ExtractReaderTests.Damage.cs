using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Readers;

/// <summary>Damaged files: bytes the encoding does not read, unclosed quotes, repeated headers, a name that lies about the format.</summary>
public sealed partial class ExtractReaderTests
{
    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Fact]
    public void Records_InvalidUtf8BytesInARow_RowRejectedNamingTheByteOffsetOthersKept()
    {
        var head = Utf8($"{MedicalHeader}\n张三,{Id1},2023-07-04,1,1,0,0,0\n李");
        byte[] bytes = [.. head, 0xFF, 0xFE, .. Utf8($"四,{Id2},2023-07-05,1,1,0,0,0\n王五,{Id2},2023-07-06,1,1,0,0,0\n")];
        var path = files.WriteBytes(bytes, ".csv");

        var (reading, records) = TestExtracts.ReadAll(path, SourceKind.Medical);

        Assert.Equal("UTF-8", reading.Encoding);
        Assert.Equal(["张三", "王五"], records.Select(r => r.Name));
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal((3, "姓名"), (reject.Row, reject.Column));
        Assert.Contains($"第 {head.Length} 字节", reject.Reason);
        Assert.Contains("0xFF", reject.Reason);
        TestExtracts.AssertChinese(reject.Reason);
    }

    [Fact]
    public void Records_InvalidUtf8AfterABom_OffsetCountsTheBom()
    {
        var head = Utf8($"{MedicalHeader}\n张三,{Id1},2023-07-04,1,1,0,0,0\n李四,{Id2},2023-07-05,1,");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. head, 0xC3, .. Utf8(",0,0,0\n")];

        var (reading, records) = TestExtracts.ReadAll(files.WriteBytes(bytes, ".csv"), SourceKind.Medical);

        Assert.Single(records);
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal("统筹支付", reject.Column);
        Assert.Contains($"第 {head.Length + 3} 字节", reject.Reason);
    }

    [Fact]
    public void Records_Gb18030FileWithUnreadableBytesPastTheSniffedPrefix_RowRejected()
    {
        var good = Enumerable.Range(0, 30_000).Select(_ => $"张三,{Id1},2023-07-04,1,1,0,0,0");
        var text = TestExtracts.Gb18030.GetBytes(string.Join("\n", [MedicalHeader, .. good]) + "\n李");
        Assert.True(text.Length > 1 << 20);
        byte[] bytes = [.. text, 0x80, .. TestExtracts.Gb18030.GetBytes($"四,{Id2},2023-07-05,1,1,0,0,0\n王五,{Id2},2023-07-06,1,1,0,0,0\n")];

        var (reading, records) = TestExtracts.ReadAll(files.WriteBytes(bytes, ".csv"), SourceKind.Medical);

        Assert.Equal("GB18030", reading.Encoding);
        Assert.Equal(30_001, records.Count);
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal((30_002, "姓名"), (reject.Row, reject.Column));
        Assert.Equal("第 1 列含有 GB18030 无法读出的字节", reject.Reason);
    }

    [Fact]
    public void Open_NeitherUtf8NorGb18030_RefusedNamingTheByte()
    {
        byte[] bytes = [.. "name,id\n"u8, 0xFF, 0x80, 0xFF, .. "\n"u8];

        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(files.WriteBytes(bytes, ".csv"), SourceKind.Medical, TestExtracts.Options));

        Assert.Contains("既不是 UTF-8 也不是 GB18030", refused.Reason);
        Assert.Contains("第 8 字节", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Open_DuplicateHeaderColumns_RefusedNamingThem()
    {
        var path = files.Csv($"序号,备注,备注,{MedicalHeader},身份证号", $"1,,,张三,{Id1},2023-07-04,1,1,0,0,0,{Id2}");

        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options, "medical/dup.csv"));

        Assert.Equal("medical/dup.csv", refused.File);
        Assert.Contains("“身份证号”在第 5、12 列", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
        // Unknown columns are not read, so 备注 twice is no ambiguity.
        Assert.DoesNotContain("备注", refused.Reason);
    }

    [Fact]
    public void Records_UnclosedQuote_FileRefusedNamingTheLineWhereTheFieldStarts()
    {
        var path = files.Csv(
            MedicalHeader,
            $"张三,{Id1},2023-07-04,1,1,0,0,0",
            $"李四,{Id2},\"2023-07-05,1,1,0,0,0",
            $"王五,{Id2},2023-07-06,1,1,0,0,0");

        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/quote.csv", null));

        Assert.Contains("第 3 行第 3 列以引号开始的字段没有闭合", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Records_UnclosedQuoteAfterAQuotedLineBreak_NamesTheLineOfThatField()
    {
        var path = files.Csv(
            MedicalHeader + ",就诊机构",
            $"张三,{Id1},2023-07-04,1,1,0,0,0,\"永福县\n人民医院\"",
            $"李四,{Id2},2023-07-05,1,1,0,0,0,\"永福县",
            "",
            $"王五,{Id2},2023-07-06,1,1,0,0,0,卫生院");

        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/quote.csv", null));

        Assert.Contains("第 4 行第 9 列", refused.Reason);
    }

    [Fact]
    public void Records_UnclosedQuoteInALargeFile_RefusedBeforeTheRestIsHeld()
    {
        var rows = Enumerable.Range(0, 40_000).Select(_ => $"张三,{Id1},2023-07-04,1,1,0,0,0");
        var path = files.Csv([MedicalHeader, $"李四,\"{Id2},2023-07-05,1,1,0,0,0", .. rows]);

        var refused = Assert.Throws<ExtractRefusedException>(() => ReadThrough(path, "medical/quote.csv", null));

        Assert.Contains("第 2 行起", refused.Reason);
        Assert.Contains("1 MB", refused.Reason);
        TestExtracts.AssertChinese(refused.Reason);
    }

    [Fact]
    public void Open_XlsxNameHoldingCsv_RefusedForTheMismatch()
    {
        var path = files.WriteBytes(Utf8($"{MedicalHeader}\n张三,{Id1},2023-07-04,1,1,0,0,0\n"), ".xlsx");

        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));

        Assert.Contains("扩展名是 .xlsx，内容却不是 XLSX 工作簿", refused.Reason);
    }

    [Fact]
    public void Open_CsvNameHoldingXlsx_RefusedForTheMismatch()
    {
        var workbook = Workbook(new TestWorkbook().Row(1, "姓名", "身份证号", "结算日期").Row(2, "张三", Id1, "2023-07-04"));
        var path = files.WriteBytes(File.ReadAllBytes(workbook), ".csv");

        var refused = Assert.Throws<ExtractRefusedException>(() => ExtractReader.Open(path, SourceKind.Medical, TestExtracts.Options));

        Assert.Contains("扩展名是 .csv，内容却是 XLSX 工作簿", refused.Reason);
    }
}
