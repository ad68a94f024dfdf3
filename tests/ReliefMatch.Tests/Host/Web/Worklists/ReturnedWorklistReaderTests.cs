using System.Text;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Readers.Tables;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web.Worklists;

public class ReturnedWorklistReaderTests(ZipBombs bombs) : IClassFixture<ZipBombs>
{
    private static readonly Finding A = Deceased(1, Luojin);
    private static readonly Finding B = Deceased(3, Luojin);

    private static byte[] Worklist(string format)
    {
        var worklist = ReliefMatch.Host.Outputs.Worklist.Build("永福县", July, [new RunFinding(A, July), new RunFinding(B, July)], [Luojin]).Single();
        return OutputSamples.Bytes(s =>
        {
            if (format == "xlsx")
            {
                WorklistXlsxWriter.Write(s, worklist);
            }
            else
            {
                WorklistCsvWriter.Write(s, worklist);
            }
        });
    }

    [Fact]
    public void Read_XlsxFilledAsExcelSavesIt_RowsWithSharedStringsAndDateSerials()
    {
        var filled = ReturnFiles.FillXlsx(Worklist("xlsx"), (B.Reference, "不属实", "本人健在", "王五", new DateOnly(2023, 8, 6)));

        var read = ReturnedWorklistReader.Read(filled);

        Assert.Null(read.Problem);
        Assert.Equal(
            [new ReturnedRow(3, A.Reference, "", "", "", ""), new ReturnedRow(4, B.Reference, "不属实", "本人健在", "王五", "2023-08-06")],
            read.Rows.OrderBy(r => r.Row));
    }

    [Fact]
    public void Read_WorklistCsvAsWritten_EveryRowWithItsLine()
    {
        var read = ReturnedWorklistReader.Read(Worklist("csv"));

        Assert.Equal([(2, A.Reference), (3, B.Reference)], read.Rows.Select(r => (r.Row, r.Reference)).Order());
    }

    [Fact]
    public void Read_CsvInGb18030WithTitleRowAndBlankLines_Read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "罗锦镇核查清单\r\n\r\n" + Encoding.UTF8.GetString(ReturnFiles.Csv((A.Reference, "属实", "已停保", "王五", "2023/8/5"))) + ",,,,\r\n";

        var read = ReturnedWorklistReader.Read(Encoding.GetEncoding(54936).GetBytes(text));

        Assert.Equal([new ReturnedRow(4, A.Reference, "属实", "已停保", "王五", "2023/8/5")], read.Rows);
    }

    [Theory]
    [InlineData("", "文件为空")]
    [InlineData("姓名,身份证号\r\n张三,1\r\n", "找不到核查清单的表头")]
    public void Read_NotAWorklist_Problem(string text, string problem) =>
        Assert.Contains(problem, ReturnedWorklistReader.Read(Encoding.UTF8.GetBytes(text)).Problem, StringComparison.Ordinal);

    [Fact]
    public void Read_BrokenZipOrLegacyExcel_Problem()
    {
        Assert.Contains("损坏", ReturnedWorklistReader.Read([.. "PK\u0003\u0004"u8, 1, 2, 3]).Problem, StringComparison.Ordinal);
        Assert.Contains(".xls", ReturnedWorklistReader.Read([0xD0, 0xCF, 0x11, 0xE0, 0, 0]).Problem, StringComparison.Ordinal);
    }

    /// <summary>A returned worklist is told apart as an extract is (the same sniffer), so it gets the same reasons.</summary>
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)',', 0 }, "return.csv", "UTF-16")]
    [InlineData(new byte[] { 0x01, 0x00, 0x02, 0x03 }, "return.xlsx", "不是 CSV 或 XLSX 文件")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 1, 2 }, "return.csv", "扩展名是 .csv")]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', 0xFF, 0x80, 0xFF, (byte)'\n' }, "return.csv", "既不是 UTF-8 也不是 GB18030 编码的文本：第 2 字节")]
    public void Read_NameOrBytesNoWorklist_TheExtractsReason(byte[] bytes, string name, string problem) =>
        Assert.Contains(problem, ReturnedWorklistReader.Read(bytes, name).Problem, StringComparison.Ordinal);

    [Fact]
    public void Read_SharedStringBomb_ProblemNamingTheLimitWithinMemoryBudget()
    {
        var bytes = File.ReadAllBytes(bombs.SharedStringBomb);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = ReturnedWorklistReader.Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("xl/sharedStrings.xml", read.Problem, StringComparison.Ordinal);
        Assert.Contains((8 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), read.Problem, StringComparison.Ordinal);
        Assert.Empty(read.Rows);
        Assert.InRange(allocated, 0, 256L << 20);
    }

    [Fact]
    public void Read_SheetFarLargerThanAWorklist_Problem()
    {
        // 20 MB of sheet: an extract might be this large, a township's worklist never is.
        var path = bombs.Write($"large-return-{Guid.NewGuid():N}.xlsx", s => ZipBombs.Repeat(s, "<worksheet><sheetData>", ' ', 20 << 20, "</sheetData></worksheet>"), null);

        var read = ReturnedWorklistReader.Read(File.ReadAllBytes(path));

        Assert.Contains("xl/worksheets/sheet1.xml", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvOfMoreRowsThanAWorklistHolds_Problem()
    {
        var rows = Enumerable.Range(1, 10_001).Select(i => $"YJ{i:D8},属实,,,");
        var text = Encoding.UTF8.GetString(ReturnFiles.Csv()) + string.Join("\r\n", rows) + "\r\n";

        var read = ReturnedWorklistReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Contains("10000", read.Problem, StringComparison.Ordinal);
        Assert.Empty(read.Rows);
    }

    [Fact]
    public void Read_CellLongerThanExcelAllows_ProblemNamingRowAndColumn()
    {
        var text = Encoding.UTF8.GetString(ReturnFiles.Csv((A.Reference, "不属实", new string('因', 40_000), "王五", "2023/8/5")));

        var read = ReturnedWorklistReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Contains("40000", read.Problem, StringComparison.Ordinal);
        Assert.Contains("32767", read.Problem, StringComparison.Ordinal);
    }
}
