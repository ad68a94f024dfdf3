using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class StatsJsonWriterTests
{
    [Fact]
    public void Write_SmallRun_ExactText()
    {
        var report = DataWarningStatistics.Count(July, All, ["罗锦镇", "永福镇"]);
        using var stream = new MemoryStream();

        StatsJsonWriter.Write(stream, report);

        // The June finding is not counted; the dismissed July one is; the township list is ordinal (永 < 罗 < 苏).
        Assert.Equal(
            """
            {
              "period": "2023-07",
              "county": {
                "data_warning": {
                  "total": 2,
                  "dibao": 1,
                  "tekun": 0,
                  "edge": 1,
                  "expenditure": 1
                }
              },
              "townships": {
                "永福镇": {
                  "data_warning": {
                    "total": 0,
                    "dibao": 0,
                    "tekun": 0,
                    "edge": 0,
                    "expenditure": 0
                  }
                },
                "罗锦镇": {
                  "data_warning": {
                    "total": 1,
                    "dibao": 1,
                    "tekun": 0,
                    "edge": 0,
                    "expenditure": 0
                  }
                },
                "苏桥镇": {
                  "data_warning": {
                    "total": 1,
                    "dibao": 0,
                    "tekun": 0,
                    "edge": 1,
                    "expenditure": 1
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            Text(stream));
    }

    [Fact]
    public void Write_SameReport_SameBytesWithoutBom()
    {
        var report = DataWarningStatistics.Count(July, All, Townships);

        var first = Bytes(s => StatsJsonWriter.Write(s, report));
        var second = Bytes(s => StatsJsonWriter.Write(s, DataWarningStatistics.Count(July, All.Reverse(), Townships.Reverse())));

        Assert.Equal(first, second);
        Assert.Equal((byte)'{', first[0]);
    }
}
