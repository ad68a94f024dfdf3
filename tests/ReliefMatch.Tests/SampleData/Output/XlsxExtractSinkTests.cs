using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using ReliefMatch.SampleData.Output;

namespace ReliefMatch.Tests.SampleData.Output;

public sealed class XlsxExtractSinkTests : IDisposable
{
    private static readonly DateTime Stamp = new(2023, 8, 3, 9, 30, 0);
    private static readonly int Day = new DateOnly(2023, 7, 4).DayNumber;
    private readonly string _folder = Directory.CreateTempSubdirectory("reliefmatch-xlsx-").FullName;

    [Fact]
    public void Finish_ReadBackByExcelDataReader_EveryCellKind()
    {
        var path = WriteSample("a.xlsx");
        var rows = Read(path);

        Assert.Equal("永福县2023年7月在保对象花名册", rows[0][0]);
        Assert.Equal(["序号", "姓名", "身份证号码", "纳入时间", "最近核对日期", "月保障金额（元）"], rows[1].Cast<string>());
        Assert.Equal(1d, rows[2][0]);
        Assert.Equal(" 王 芳", rows[2][1]);
        Assert.Equal("45032619800101123X", rows[2][2]);
        Assert.Equal(new DateTime(2023, 7, 4), rows[2][3]);
        Assert.Equal(45111d, rows[2][4]);
        Assert.Equal(1234.5d, rows[2][5]);
        Assert.Equal(450326198001011000d, rows[3][2]);
        Assert.Equal(450326800101123d, rows[4][2]);
        Assert.Equal("2023年7月4日", rows[3][3]);
        Assert.Equal("1,234.50", rows[3][5]);
        // The skipped row number reads as a blank row, then the footer with its cached sum.
        Assert.All(rows[5], c => Assert.Null(c));
        Assert.Equal("合计", rows[6][0]);
        Assert.Equal(2469d, rows[6][5]);
    }

    [Fact]
    public void Finish_ValidPackageWithoutDocumentProperties()
    {
        var path = WriteSample("b.xlsx");
        using var document = SpreadsheetDocument.Open(path, false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Null(document.CoreFilePropertiesPart);
        Assert.Null(document.ExtendedFilePropertiesPart);
        Assert.Equal("花名册", document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void Finish_TwiceTheSameContent_SameBytes()
    {
        var first = File.ReadAllBytes(WriteSample("c.xlsx"));
        Thread.Sleep(1100); // a zip entry time taken from the clock would now differ
        var second = File.ReadAllBytes(WriteSample("d.xlsx"));
        Assert.Equal(first, second);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteSample(string name)
    {
        var path = Path.Combine(_folder, name);
        string[] headers = ["序号", "姓名", "身份证号码", "纳入时间", "最近核对日期", "月保障金额（元）"];
        using var sink = new XlsxExtractSink(path, "花名册", headers.Select(_ => 12d).ToArray(), Stamp);
        sink.TitleRow("永福县2023年7月在保对象花名册", headers.Length);
        sink.HeaderRow(headers);
        sink.BeginRow();
        sink.Integer(1);
        sink.Text(" 王 芳");
        sink.Text("45032619800101123X");
        sink.Date(Day, DateForm.Cell);
        sink.Date(Day, DateForm.Serial);
        sink.Money(123450, MoneyForm.Cell);
        sink.EndRow();
        sink.BeginRow();
        sink.Integer(2);
        sink.Text("李明");
        sink.ExcelDamagedId(45032619800101123L);
        sink.Date(Day, DateForm.Chinese);
        sink.Empty();
        sink.Money(123450, MoneyForm.Thousands);
        sink.EndRow();
        sink.BeginRow();
        sink.Integer(3);
        sink.Text("覃华");
        sink.LegacyIdNumber("450326800101123");
        sink.Empty();
        sink.Empty();
        sink.Money(0, MoneyForm.Cell);
        sink.EndRow();
        sink.BlankRow(headers.Length);
        sink.BeginFooterRow();
        sink.Text("合计");
        for (var i = 1; i < 5; i++)
        {
            sink.Empty();
        }
        sink.MoneySum(246900);
        sink.EndRow();
        sink.Finish();
        Assert.Equal(3, sink.DataRows);
        // Title, header, three rows, the blank row (a skipped row number still counts against Excel's limit), footer.
        Assert.Equal(7, sink.AllRows);
        return path;
    }

    private static List<object?[]> Read(string path)
    {
        // ExcelDataReader's configuration asks for code page 1252 even for XLSX.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
