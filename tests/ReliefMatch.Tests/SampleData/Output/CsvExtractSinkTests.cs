using System.Text;
using ReliefMatch.SampleData.Output;

namespace ReliefMatch.Tests.SampleData.Output;

public sealed class CsvExtractSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reliefmatch-csv-").FullName;

    [Fact]
    public void Text_CommasQuotesAndLineBreaks_QuotedTheCsvWay()
    {
        var path = Write(FileFormat.CsvUtf8, sink =>
        {
            sink.HeaderRow(["姓名", "地址"]);
            sink.BeginRow();
            sink.Text("王芳");
            sink.Text("永福镇,城东社区 \"12号\"");
            sink.EndRow();
            sink.BeginRow();
            sink.Text("肺部感染\n慢性阻塞性肺疾病");
            sink.Empty();
            sink.EndRow();
        });

        Assert.Equal("姓名,地址\n王芳,\"永福镇,城东社区 \"\"12号\"\"\"\n\"肺部感染\n慢性阻塞性肺疾病\",\n", File.ReadAllText(path));
    }

    [Fact]
    public void Finish_Gb18030_NoBomCrlfAndDoubleByteChinese()
    {
        var path = Write(FileFormat.CsvGb18030, sink => sink.HeaderRow(["姓名", "金额"]));
        var bytes = File.ReadAllBytes(path);

        // 姓 D0D5, 名 C3FB, 金 BDF0, 额 B6EE in GBK/GB18030.
        Assert.Equal(new byte[] { 0xD0, 0xD5, 0xC3, 0xFB, (byte)',', 0xBD, 0xF0, 0xB6, 0xEE, (byte)'\r', (byte)'\n' }, bytes);
    }

    [Fact]
    public void Finish_Utf8Bom_StartsWithTheBom()
    {
        var path = Write(FileFormat.CsvUtf8Bom, sink => sink.HeaderRow(["姓名"]));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(path)[..3]);
        Assert.Equal("姓名\r\n", new UTF8Encoding(false).GetString(File.ReadAllBytes(path)[3..]));
    }

    [Fact]
    public void DatesMoneyAndDamagedIds_WrittenAsCsvShowsThem()
    {
        var path = Write(FileFormat.CsvUtf8, sink =>
        {
            sink.BeginRow();
            sink.Date(new DateOnly(2023, 7, 4).DayNumber, DateForm.Cell);
            sink.Date(new DateOnly(2023, 7, 4).DayNumber, DateForm.Chinese);
            sink.Money(123450, MoneyForm.Thousands);
            sink.Money(123450, MoneyForm.Cell);
            sink.Money(99, MoneyForm.FullWidthYen);
            sink.ExcelDamagedId(45032619800101123L);
            sink.Integer(42);
            sink.EndRow();
            sink.BeginFooterRow();
            sink.Text("合计");
            sink.MoneySum(5);
            sink.EndRow();
        }, out var rows);

        Assert.Equal("2023-07-04,2023年7月4日,\"1,234.50\",1234.50,￥0.99,4.50326E+17,42\n合计,0.05\n", File.ReadAllText(path));
        Assert.Equal(1, rows);
    }

    [Fact]
    public void Text_MoreThanOneBuffer_AllWrittenInOrder()
    {
        var path = Write(FileFormat.CsvGb18030, sink =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                sink.BeginRow();
                sink.Integer(i);
                sink.Text("永福县罗锦镇");
                sink.EndRow();
            }
        }, out var rows);

        var lines = CodePages().GetString(File.ReadAllBytes(path)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20_000, rows);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"{i},永福县罗锦镇"), lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(FileFormat format, Action<ExtractSink> write) => Write(format, write, out _);

    private string Write(FileFormat format, Action<ExtractSink> write, out long rows)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        using var sink = new CsvExtractSink(path, format);
        write(sink);
        sink.Finish();
        rows = sink.DataRows;
        Assert.Equal(new FileInfo(path).Length, sink.Bytes);
        return path;
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
