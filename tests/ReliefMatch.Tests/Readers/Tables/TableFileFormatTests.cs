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
    [InlineData("zip", "a.csv", "named .csv but holds an XLSX workbook")]
    [InlineData("text", "a.xlsx", "named .xlsx but holds no XLSX workbook")]
    [InlineData("ole", "a.xls", "legacy .xls")]
    [InlineData("utf16", "a.csv", "UTF-16")]
    [InlineData("binary", "a.xlsx", "neither a CSV nor an XLSX file")]
    public void Sniff_BytesAndNameDisagreeOrNoTable_RefusedSayingWhyInBothLanguages(string bytes, string name, string english)
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
        Assert.Contains(english, format.Refusal, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(format.Chinese));
        Assert.StartsWith(format.Chinese!, format.Refusal, StringComparison.Ordinal);
    }
}
