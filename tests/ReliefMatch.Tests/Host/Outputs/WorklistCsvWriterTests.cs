using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class WorklistCsvWriterTests
{
    private const string Header = "\uFEFF序号,村,姓名,身份证号,救助类别,预警类型,证据,建议处置,核查时限,核查结果,处置情况,核查人,核查日期,预警编号\r\n";

    private static Worklist For(string township, bool fullIds = false) =>
        Worklist.Build("永福县", July, All, Townships, fullIds).Single(w => w.Township == township);

    [Fact]
    public void Write_Township_ExactTextWithMaskedId()
    {
        using var stream = new MemoryStream();

        WorklistCsvWriter.Write(stream, For("罗锦镇"));

        Assert.Equal(
            Header +
            "1,罗锦村,李四,450326********0011,农村低保,死亡人员仍在保,公安户籍注销：2023-05-12 死亡；卫健死亡医学证明：2023-05-10,核实后停保,2023-08-30,,,,,YJ458E21A499E7BAC7\r\n",
            Text(stream));
    }

    [Fact]
    public void Write_FormulaLikeName_Neutralised()
    {
        using var stream = new MemoryStream();

        WorklistCsvWriter.Write(stream, For("永福镇", fullIds: true));

        Assert.Equal(
            Header +
            "1,\"城北社区, 一组\",\"'=HYPERLINK(\"\"x\"\")\",45032619620505002X,城市低保、特困供养,重复纳入,花名册：永福县 H009 同时在保,核实后保留一处,2023-07-15,,,,,YJ9550E5757B46B8B0\r\n",
            Text(stream));
    }

    [Fact]
    public void Write_EmptyTownship_HeaderOnly()
    {
        using var stream = new MemoryStream();

        WorklistCsvWriter.Write(stream, For("百寿镇"));

        Assert.Equal(Header, Text(stream));
    }
}
