using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ReliefMatch.Spreadsheets;

namespace ReliefMatch.Tests.Spreadsheets;

public sealed class XlsxPackageWriterTests
{
    private static readonly DateTimeOffset Time = new(2023, 8, 3, 9, 30, 0, TimeSpan.Zero);

    private static readonly XlsxSheetEntry[] TwoSheets = [new("永福镇", HeaderRows: 2), new("汇总", PrintArea: "$A$1:$G$7")];

    [Theory]
    [InlineData(XlsxPackageLayout.OpenXmlSdk)]
    [InlineData(XlsxPackageLayout.Excel)]
    public void Write_EitherLayout_ValidWorkbookWithItsSheetsAndPrintSettings(XlsxPackageLayout layout)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(layout)), false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["永福镇", "汇总"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(["A1 on 永福镇", "A1 on 汇总"], workbook.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Cell>().Single())
            .Select(c => c.InlineString!.Text!.Text));
        Assert.Equal(["'永福镇'!$1:$2", "'汇总'!$A$1:$G$7"], workbook.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => d.Text));
        Assert.NotNull(workbook.WorkbookStylesPart);
        Assert.Null(document.CoreFilePropertiesPart);
    }

    [Theory]
    [InlineData(XlsxPackageLayout.OpenXmlSdk, "xl/workbook.xml")]
    [InlineData(XlsxPackageLayout.Excel, "[Content_Types].xml")]
    public void Write_Twice_SameBytesAndTheGivenEntryTime(XlsxPackageLayout layout, string firstEntry)
    {
        var first = Write(layout);
        Thread.Sleep(1100); // a zip entry time taken from the clock would now differ

        Assert.Equal(first, Write(layout));
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.Equal(firstEntry, zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(Time.DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Finish_SheetNotWritten_Throws()
    {
        using var output = new MemoryStream();
        using var package = new XlsxPackageWriter(output, XlsxPackageLayout.Excel, TwoSheets, new Stylesheet(), Time);
        package.OpenSheet().Dispose();

        var error = Assert.Throws<InvalidOperationException>(package.Finish);
        Assert.Contains("2 sheet(s) but 1", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Write(XlsxPackageLayout layout)
    {
        using var output = new MemoryStream();
        XlsxPackageWriter.Write(output, layout, TwoSheets, Styles(), Time, (i, part) =>
        {
            var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">" +
                $"<c r=\"A1\" t=\"inlineStr\"><is><t>A1 on {TwoSheets[i].Name}</t></is></c></row></sheetData></worksheet>";
            part.Write(Encoding.UTF8.GetBytes(xml));
        });
        return output.ToArray();
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
}
