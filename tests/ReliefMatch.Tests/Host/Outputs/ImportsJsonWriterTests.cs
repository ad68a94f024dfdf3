using ReliefMatch.Core.Extracts;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class ImportsJsonWriterTests
{
    private static readonly FileReport Roster = new()
    {
        Source = SourceKind.Roster,
        File = "roster/花名册2023-07.csv",
        Encoding = "GB18030",
        RowsRead = 3,
        Accepted = 2,
        Rejected = 1,
        Rejects = [new RejectedRow(4, "身份证号", "4503261958\"0312", "校验位错误")],
    };

    private static readonly FileReport Refused = new()
    {
        Source = SourceKind.Medical,
        File = "medical/结算.xlsx",
        Encoding = "XLSX",
        RefusedReason = "缺少必需列：身份证号",
    };

    [Fact]
    public void Write_TwoFiles_ExactTextInFileOrder()
    {
        using var stream = new MemoryStream();

        ImportsJsonWriter.Write(stream, [Roster, Refused]);

        Assert.Equal(
            """
            {
              "files": [
                {
                  "file": "medical/结算.xlsx",
                  "source": "medical",
                  "encoding": "XLSX",
                  "rows": 0,
                  "accepted": 0,
                  "rejected": 0,
                  "skipped": 0,
                  "already_imported": false,
                  "refused": "缺少必需列：身份证号",
                  "rejects": []
                },
                {
                  "file": "roster/花名册2023-07.csv",
                  "source": "roster",
                  "encoding": "GB18030",
                  "rows": 3,
                  "accepted": 2,
                  "rejected": 1,
                  "skipped": 0,
                  "already_imported": false,
                  "rejects": [
                    {
                      "row": 4,
                      "column": "身份证号",
                      "value": "4503261958\"0312",
                      "reason": "校验位错误"
                    }
                  ]
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            Text(stream));
    }

    [Fact]
    public void Write_SanityWarnings_ChecksArrayAfterTheFiles()
    {
        using var stream = new MemoryStream();
        var warning = new ReliefMatch.Core.Sanity.SanityWarning(ReliefMatch.Core.Sanity.SanityCheck.RowCount, "roster", new ReliefMatch.Core.Periods.ReportingMonth(2023, 7),
            "roster/花名册2023-07.csv", "3 行", "100 行", "行数减少");

        ImportsJsonWriter.Write(stream, [], checks: [warning]);

        Assert.Equal(
            """
            {
              "files": [],
              "checks": [
                {
                  "check": "row-count",
                  "source": "roster",
                  "period": "2023-07",
                  "file": "roster/花名册2023-07.csv",
                  "figure": "3 行",
                  "previous": "100 行",
                  "message": "行数减少"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            Text(stream));
    }

    [Fact]
    public void Write_AlreadyImportedFile_FlagTrue()
    {
        using var stream = new MemoryStream();

        ImportsJsonWriter.Write(stream, [Roster with { AlreadyImported = true, Rejects = [], Rejected = 0 }]);

        Assert.Contains("\"already_imported\": true,", Text(stream), StringComparison.Ordinal);
        Assert.DoesNotContain("refused", Text(stream), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RejectedValueHoldingAnId_MaskedKeepingTheRestUnlessFullIds()
    {
        var id = ReliefMatch.Tests.Infrastructure.TestRecords.IdNumber(7);
        var report = Roster with { Rejects = [new RejectedRow(4, "身份证号", $"{id} 重复", "重复")] };
        using var masked = new MemoryStream();
        using var full = new MemoryStream();

        ImportsJsonWriter.Write(masked, [report]);
        ImportsJsonWriter.Write(full, [report], fullIds: true);

        Assert.Contains($"\"value\": \"{ReliefMatch.Core.Identity.ResidentId.Mask(id)} 重复\"", Text(masked), StringComparison.Ordinal);
        Assert.DoesNotContain(id, Text(masked), StringComparison.Ordinal);
        Assert.Contains($"\"value\": \"{id} 重复\"", Text(full), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithoutAlreadyImported_SameTextWhoeverStoredTheFile()
    {
        using var first = new MemoryStream();
        using var again = new MemoryStream();

        ImportsJsonWriter.Write(first, [Roster], alreadyImported: false);
        ImportsJsonWriter.Write(again, [Roster with { AlreadyImported = true }], alreadyImported: false);

        Assert.Equal(Text(first), Text(again));
        Assert.DoesNotContain("already_imported", Text(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoFiles_EmptyList()
    {
        using var stream = new MemoryStream();

        ImportsJsonWriter.Write(stream, []);

        Assert.Equal("{\n  \"files\": []\n}\n", Text(stream));
    }
}
