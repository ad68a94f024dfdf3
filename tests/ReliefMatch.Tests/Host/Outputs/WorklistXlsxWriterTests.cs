using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class WorklistXlsxWriterTests
{
    private static byte[] Write(string township, bool fullIds = false)
    {
        var worklist = Worklist.Build("永福县", July, All, Townships, fullIds).Single(w => w.Township == township);
        return Bytes(s => WorklistXlsxWriter.Write(s, worklist));
    }

    [Fact]
    public void Write_Township_TitleHeaderAndRow()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));

        Assert.Equal(["罗锦镇", "说明"], xlsx.SheetNames);
        Assert.Equal("永福县2023年7月 罗锦镇 数据比对预警核查清单", xlsx.Text("罗锦镇", "A1"));
        Assert.Equal(Worklist.Headers, xlsx.Row("罗锦镇", 2, 14));
        Assert.Equal(
            ["1", "罗锦村", "李四", "450326********0011", "农村低保", "死亡人员仍在保", "公安户籍注销：2023-05-12 死亡；卫健死亡医学证明：2023-05-10",
                "核实后停保", "2023-08-30", "", "", "", "", "YJ458E21A499E7BAC7"],
            xlsx.Row("罗锦镇", 3, 14));
    }

    [Fact]
    public void Write_Township_IdAndDueDateAreTextCells()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇", fullIds: true));

        var id = xlsx.Cell("罗锦镇", "D3")!;
        Assert.Equal(CellValues.InlineString, id.DataType!.Value);
        Assert.Equal("450326195803120011", id.InnerText);
        Assert.Equal(CellValues.InlineString, xlsx.Cell("罗锦镇", "I3")!.DataType!.Value);
    }

    [Fact]
    public void Write_FormulaLikeName_NeutralisedAndNoFormula()
    {
        var bytes = Write("永福镇");
        using var xlsx = new XlsxCells(bytes);

        Assert.Equal("'=HYPERLINK(\"x\")", xlsx.Text("永福镇", "C3"));
        Assert.Empty(xlsx.Worksheet("永福镇").Descendants<CellFormula>());
    }

    [Fact]
    public void Write_ControlCharacterInName_ReplacedAndRareCharacterKept()
    {
        var worklist = Worklist.Build("永福县", July, [Run(Make("450326195803120011", "罗锦镇", name: "吉\u0001\U00020BB7"))], []).Single();
        using var xlsx = new XlsxCells(Bytes(s => WorklistXlsxWriter.Write(s, worklist)));

        Assert.Equal("吉 \U00020BB7", xlsx.Text("罗锦镇", "C3"));
    }

    [Fact]
    public void Write_Layout_FrozenHeaderHiddenKeyLandscapeFitToWidth()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));
        var sheet = xlsx.Worksheet("罗锦镇");

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(2, pane.VerticalSplit!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        var keyColumn = sheet.Descendants<Column>().Single(c => c.Min!.Value == 14);
        Assert.True(keyColumn.Hidden!.Value);
        Assert.All(sheet.Descendants<Column>().Where(c => c.Min!.Value < 14), c => Assert.Null(c.Hidden));
        var page = sheet.Descendants<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, page.Orientation!.Value);
        Assert.Equal(1u, page.FitToWidth!.Value);
        Assert.Equal("A1:M1", sheet.Descendants<MergeCell>().Single().Reference!.Value);
        Assert.Contains(xlsx.WorkbookPart.Workbook.Descendants<DefinedName>(), d => d.Name == "_xlnm.Print_Titles" && d.Text == "'罗锦镇'!$1:$2");
    }

    [Fact]
    public void Write_HeaderCells_Bold()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));

        var style = xlsx.Cell("罗锦镇", "A2")!.StyleIndex!.Value;
        var format = xlsx.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style);
        var font = xlsx.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        Assert.NotNull(font.Bold);
    }

    [Fact]
    public void Write_EmptyTownship_TitleAndHeaderOnly()
    {
        using var xlsx = new XlsxCells(Write("百寿镇"));

        Assert.Equal("序号", xlsx.Text("百寿镇", "A2"));
        Assert.Equal([1u, 2u], xlsx.Worksheet("百寿镇").Descendants<Row>().Select(r => r.RowIndex!.Value));
    }

    [Fact]
    public void Write_Township_ReadableByExcelDataReader()
    {
        // The returned worklist will come back through the extract readers, which read xlsx with ExcelDataReader.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(Write("罗锦镇")));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(Worklist.Headers, rows[1]);
        Assert.Equal("450326********0011", rows[2][3]);
        Assert.Equal("YJ458E21A499E7BAC7", rows[2][13]);
    }

    [Fact]
    public void Write_Township_ValidAgainstSchema()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));

        Assert.Empty(xlsx.SchemaErrors());
    }

    [Fact]
    public void Write_Twice_SameBytesAndFixedEntryTimes()
    {
        var first = Write("罗锦镇");
        var second = Write("罗锦镇");

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Write_Township_ResultColumnHasTheDropDownList()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));

        var validation = xlsx.Worksheet("罗锦镇").Descendants<DataValidation>().Single();
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("\"属实,不属实\"", validation.Formula1!.Text);
        Assert.Equal("J3:J3", validation.SequenceOfReferences!.InnerText);
        Assert.Equal("核查结果", xlsx.Text("罗锦镇", "J2"));
    }

    [Fact]
    public void Write_Township_FooterHasPageNumbersAndSignatureLine()
    {
        using var xlsx = new XlsxCells(Write("罗锦镇"));

        var footer = xlsx.Worksheet("罗锦镇").Descendants<OddFooter>().Single().Text;
        Assert.Contains("第 &P 页 共 &N 页", footer, StringComparison.Ordinal);
        Assert.Contains("核查人签字：", footer, StringComparison.Ordinal);
        Assert.Contains("单位盖章：", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongAction_ShortLabelOnTheListFullTextOnTheLegendSheet()
    {
        const string action = "核实死亡事实；属实的，特困人员自死亡次月起终止供养，低保家庭3个月内重新核定保障人口和金额，追回死亡后多发的救助金。";
        var finding = Run(Make("450326195803120011", "罗锦镇") with { RuleTitle = "死亡人员仍在享受救助", SuggestedAction = action });
        var worklist = Worklist.Build("永福县", July, [finding], []).Single();
        using var xlsx = new XlsxCells(Bytes(s => WorklistXlsxWriter.Write(s, worklist)));

        Assert.Equal("核实死亡事实", xlsx.Text("罗锦镇", "H3"));
        var legend = Enumerable.Range(1, 12).Select(r => (xlsx.Text("说明", $"A{r}"), xlsx.Text("说明", $"B{r}"))).ToList();
        Assert.Contains(("死亡人员仍在享受救助", action), legend);
    }

    [Fact]
    public void Write_ConfirmedFinding_OutcomeCellsFilled()
    {
        var confirmed = Run(Make("450326195803120011", "罗锦镇"), July, FindingStatus.Confirmed) with
        {
            Verification = new Verification { Reason = "已停保", CheckedBy = "王五", CheckedOn = new DateOnly(2023, 8, 5), AnsweredIn = July },
        };
        var worklist = Worklist.Build("永福县", July, [confirmed], []).Single();
        using var xlsx = new XlsxCells(Bytes(s => WorklistXlsxWriter.Write(s, worklist)));

        Assert.Equal(["属实", "已停保", "王五", "2023-08-05"], xlsx.Row("罗锦镇", 3, 14).Skip(9).Take(4));
    }
}
