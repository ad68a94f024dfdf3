using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Tests.Core.Statistics;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;
using static ReliefMatch.Tests.Host.Outputs.OutputSamples;

namespace ReliefMatch.Tests.Host.Outputs;

public class WorklistTests
{
    [Fact]
    public void Build_HomeTownships_OneWorklistEachInOrdinalOrderEvenWhenEmpty()
    {
        var worklists = Worklist.Build("永福县", July, All, Townships);

        Assert.Equal(["永福镇", "百寿镇", "罗锦镇", "苏桥镇"], worklists.Select(w => w.Township));
        Assert.Empty(worklists.Single(w => w.Township == "百寿镇").Rows);
    }

    [Fact]
    public void Build_DismissedFinding_LeftOff()
    {
        var worklists = Worklist.Build("永福县", July, All, Townships);

        Assert.Empty(worklists.Single(w => w.Township == "苏桥镇").Rows);
    }

    [Fact]
    public void Build_Finding_RowAsPrinted()
    {
        var row = Worklist.Build("永福县", July, All, Townships).Single(w => w.Township == "罗锦镇").Rows.Single();

        Assert.Equal(
            new WorklistRow(1, "罗锦村", "李四", "450326********0011", "农村低保", "死亡人员仍在保",
                "公安户籍注销：2023-05-12 死亡；卫健死亡医学证明：2023-05-10", "核实后停保", new DateOnly(2023, 8, 30), "YJ458E21A499E7BAC7"),
            row);
    }

    [Fact]
    public void Build_FullIds_IdNotMasked()
    {
        var row = Worklist.Build("永福县", July, All, Townships, fullIds: true).Single(w => w.Township == "罗锦镇").Rows.Single();

        Assert.Equal("450326195803120011", row.IdNumber);
    }

    [Fact]
    public void Build_FindingFromEarlierMonth_DueFromTheEndOfItsFirstMonth()
    {
        var row = Worklist.Build("永福县", July, All, Townships).Single(w => w.Township == "永福镇").Rows.Single();

        Assert.Equal(new DateOnly(2023, 7, 15), row.DueDate);
    }

    [Fact]
    public void Build_RuleWithoutTitle_PrintsRuleId()
    {
        var row = Worklist.Build("永福县", July, [Run(Make("450326197001010039", "罗锦镇", rule: "dibao-tekun-overlap"))], []).Single().Rows.Single();

        Assert.Equal("dibao-tekun-overlap", row.Warning);
    }

    [Fact]
    public void Build_SeveralFindings_NumberedInVillageNameOrder()
    {
        var findings = new[]
        {
            Run(Make("450326197001010039", "罗锦镇", name: "王五", village: "b村")),
            Run(Make("45032619620505002X", "罗锦镇", name: "赵六", village: "a村")),
            Run(Make("450326195803120011", "罗锦镇", name: "李四", village: "a村")),
            Run(Make("450326195803120011", "罗锦镇", name: "李四", village: "a村", rule: "dibao-tekun-overlap")),
        };

        var rows = Worklist.Build("永福县", July, findings, ["罗锦镇"]).Single().Rows;

        Assert.Equal([(1, "李四"), (2, "李四"), (3, "赵六"), (4, "王五")], rows.Select(r => (r.Number, r.Name)));
        Assert.Equal("deceased-recipient", rows[0].Warning);
    }

    [Fact]
    public void TitleOf_Township_CountyMonthAndTownship() =>
        Assert.Equal("永福县2023年7月 罗锦镇 数据比对预警核查清单", Worklist.TitleOf("永福县", July, "罗锦镇"));

    [Fact]
    public void Build_ConfirmedFinding_StaysOnWorklist()
    {
        var worklists = Worklist.Build("永福县", July, [Duplicate with { Status = FindingStatus.Confirmed }], []);

        Assert.Single(worklists.Single().Rows);
    }
}
