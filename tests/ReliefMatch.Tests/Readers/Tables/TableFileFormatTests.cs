using System.Text;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Tests.Readers.Tables;

public sealed class TableFileFormatTests
{
    private static readonly byte[] Zip = [.. "PK\u0003\u0004"u8, 20, 0];
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("姓名,身份证号\r\n");

    [Theory]
    [InlineData("a.xlsx")]
    [InlineData("a.XLSX")]
    [InlineData(null)]
    public void Sniff_Zip_XlsxWhateverTheNameUnlessCsv(string? name) => Assert.Equal(TableFileKind.Xlsx, TableFileFormat.Sniff(Zip, name).Kind);

    [Theory]
    [InlineData("a.csv")]
    [InlineData("a.txt")]
    [InlineData(null)]
    public void Sniff_Text_CsvUnlessNamedXlsx(string? name) => Assert.Equal(TableFileKind.Csv, TableFileFormat.Sniff(Text, name).Kind);

    [Fact]
    public void Sniff_EmptyFile_ReadAsCsvWhichThenFindsNoHeader() => Assert.Equal(TableFileKind.Csv, TableFileFormat.Sniff([], "a.csv").Kind);

    [Theory]
    [InlineData("zip", "a.csv", "扩展名是 .csv，内容却是 XLSX 工作簿")]
    [InlineData("text", "a.xlsx", "扩展名是 .xlsx，内容却不是 XLSX 工作簿")]
    [InlineData("ole", "a.xls", "旧版 Excel（.xls）")]
    [InlineData("utf16", "a.csv", "UTF-16")]
    [InlineData("binary", "a.xlsx", "不是 CSV 或 XLSX 文件")]
    public void Sniff_BytesAndNameDisagreeOrNoTable_RefusedSayingWhyInChinese(string bytes, string name, string reason)
    {
        byte[] prefix = bytes switch
        {
            "zip" => Zip,
            "text" => Text,
            "ole" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1],
            "utf16" => [0xFF, 0xFE, (byte)'a', 0],
            _ => [0x7F, 0x45, 0x00, 0x01],
        };

        var format = TableFileFormat.Sniff(prefix, name);

        Assert.Null(format.Kind);
        Assert.Contains(reason, format.Refusal, StringComparison.Ordinal);
        TestExtracts.AssertChinese(format.Refusal!);
    }
}
