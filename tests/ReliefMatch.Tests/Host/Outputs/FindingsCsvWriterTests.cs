using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class FindingsCsvWriterTests
{
    private const string Expected =
        "\uFEFFrule,id_number,household_id,name,township,village,category,confidence,evidence,first_seen,rule_version,status,due_date,reference\r\n" +
        "deceased-recipient,450326195803120011,H001,李四,罗锦镇,罗锦村,农村低保,exact,公安户籍注销：2023-05-12 死亡；卫健死亡医学证明：2023-05-10,2023-07,1,open,2023-08-30,YJ458E21A499E7BAC7\r\n" +
        "duplicate-enrolment,45032619620505002X,H002,\"'=HYPERLINK(\"\"x\"\")\",永福镇,\"城北社区, 一组\",城市低保、特困供养,exact,花名册：永福县 H009 同时在保,2023-06,1,confirmed,2023-07-15,YJ9550E5757B46B8B0\r\n" +
        "low-income-medical,450326197001010039,,王五,苏桥镇,,低保边缘、支出型困难,exact,医保结算：12个月自付 23456.00 元,2023-07,1,dismissed,2023-08-30,YJ625094865A9F1B0C\r\n";

    [Fact]
    public void Write_SmallRun_ExactText()
    {
        using var stream = new MemoryStream();

        FindingsCsvWriter.Write(stream, All);

        Assert.Equal(Expected, Text(stream));
    }

    [Fact]
    public void Write_SmallRun_StartsWithUtf8Bom()
    {
        var bytes = Bytes(s => FindingsCsvWriter.Write(s, All));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    [Fact]
    public void Write_FindingsInAnotherOrder_SameBytes()
    {
        var first = Bytes(s => FindingsCsvWriter.Write(s, All));
        var second = Bytes(s => FindingsCsvWriter.Write(s, All.Reverse()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_NoFindings_HeaderOnly()
    {
        using var stream = new MemoryStream();

        FindingsCsvWriter.Write(stream, []);

        Assert.Equal("\uFEFF" + string.Join(",", FindingsCsvWriter.Columns) + "\r\n", Text(stream));
    }
}
