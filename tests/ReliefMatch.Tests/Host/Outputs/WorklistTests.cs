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

    [Fact]
    public void Build_Rows_ByDueDateThenVillage()
    {
        var findings = new[]
        {
            Run(Make("450326197001010039", "罗锦镇", name: "王五", village: "a村")),
            Run(Make("45032619620505002X", "罗锦镇", name: "赵六", village: "b村") with { DueDays = 15 }),
            Run(Make("450326195803120011", "罗锦镇", name: "李四", village: "c村") with { DueDays = 15 }),
        };

        var rows = Worklist.Build("永福县", July, findings, ["罗锦镇"]).Single().Rows;

        Assert.Equal([(1, "赵六"), (2, "李四"), (3, "王五")], rows.Select(r => (r.Number, r.Name)));
    }

    [Fact]
    public void Build_AnsweredInThisMonth_CarriesTheRecordedOutcome()
    {
        var confirmed = Run(Make("450326195803120011", "罗锦镇"), July, FindingStatus.Confirmed) with
        {
            Verification = new Verification { Reason = "已停保", CheckedBy = "王五", CheckedOn = new DateOnly(2023, 8, 5), AnsweredIn = July },
        };

        var cells = Worklist.Cells(Worklist.Build("永福县", July, [confirmed], []).Single().Rows.Single());

        Assert.Equal(["属实", "已停保", "王五", "2023-08-05"], cells.Skip(9).Take(4));
    }

    [Fact]
    public void Build_AnsweredInAnEarlierMonthAndStillProduced_EscalatedWithTheFirstConfirmation()
    {
        var august = new ReliefMatch.Core.Periods.ReportingMonth(2023, 8);
        var confirmed = Run(Make("450326195803120011", "罗锦镇"), July, FindingStatus.Confirmed) with
        {
            Verification = new Verification
            {
                Reason = "已停保", CheckedBy = "王五", CheckedOn = new DateOnly(2023, 8, 5), AnsweredIn = July,
                FirstConfirmedOn = new DateOnly(2023, 8, 5), FirstConfirmedBy = "王五",
            },
        };

        var cells = Worklist.Cells(Worklist.Build("永福县", august, [confirmed], []).Single().Rows.Single());

        Assert.Equal("属实未处置", cells[9]);
        Assert.Equal("2023-08-05 已核实属实，核查人 王五（2023年7月清单），本月仍在册，请尽快处置", cells[10]);
        Assert.Equal(["", ""], cells.Skip(11).Take(2));
    }

    [Fact]
    public void Build_OpenFinding_OutcomeColumnsEmpty() =>
        Assert.Equal(["", "", "", ""], Worklist.Cells(Worklist.Build("永福县", July, [Deceased], []).Single().Rows.Single()).Skip(9).Take(4));

    [Fact]
    public void Build_DismissedOnThisMonthsWorklist_StaysOnWithItsOutcomeAndLeftOffNextMonth()
    {
        var dismissed = Run(Make("450326195803120011", "罗锦镇"), July, FindingStatus.Dismissed) with
        {
            Verification = new Verification { Reason = "本人健在", CheckedBy = "王五", CheckedOn = new DateOnly(2023, 8, 5), AnsweredIn = July },
        };

        var july = Worklist.Build("永福县", July, [dismissed], ["罗锦镇"]).Single().Rows;
        var august = Worklist.Build("永福县", new ReliefMatch.Core.Periods.ReportingMonth(2023, 8), [dismissed], ["罗锦镇"]).Single().Rows;

        Assert.Equal(["不属实", "本人健在", "王五", "2023-08-05"], Worklist.Cells(july.Single()).Skip(9).Take(4));
        Assert.Empty(august);
    }
}
