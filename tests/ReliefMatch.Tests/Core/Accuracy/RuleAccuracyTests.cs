using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Accuracy;

public sealed class RuleAccuracyTests
{
    [Fact]
    public void Of_TalliesPerRuleAndTownship_PrecisionOverAnsweredOnly()
    {
        RuleOutcome[] outcomes =
        [
            new("deceased-recipient", "永福镇", FindingStatus.Confirmed, null),
            new("deceased-recipient", "永福镇", FindingStatus.Confirmed, null),
            new("deceased-recipient", "永福镇", FindingStatus.Dismissed, "本人健在"),
            new("deceased-recipient", "罗锦镇", FindingStatus.Open, null),
            new("deceased-recipient", "罗锦镇", FindingStatus.Closed, null),
            new("duplicate-enrolment", "罗锦镇", FindingStatus.Dismissed, "已迁出"),
        ];

        var accuracy = RuleAccuracy.Of(["deceased-recipient", "duplicate-enrolment", "low-income-medical"], outcomes);

        Assert.Equal(["deceased-recipient", "duplicate-enrolment", "low-income-medical"], accuracy.Select(a => a.RuleId));
        var deceased = accuracy[0];
        Assert.Equal(new OutcomeTally(2, 1, 2), deceased.Total);
        Assert.Equal(3, deceased.Total.Answered);
        Assert.Equal(2m / 3m, deceased.Total.Precision);
        Assert.Equal([("永福镇", new OutcomeTally(2, 1, 0)), ("罗锦镇", new OutcomeTally(0, 0, 2))], deceased.Townships.Select(t => (t.Key, t.Value)));
        Assert.Null(deceased.Townships[1].Value.Precision);
        Assert.Equal(0m, accuracy[1].Total.Precision);
        Assert.Equal(OutcomeTally.Zero, accuracy[2].Total);
        Assert.Null(accuracy[2].Total.Precision);
    }

    [Fact]
    public void DismissalReasons_DifferingOnlyInWidthSpacesOrClosingPunctuation_GroupTogether_IdsMasked()
    {
        var grouped = DismissalReasons.Group(
        [
            "本人健在，公安误报", " 本人健在，公安误报。", "本人健在,公安误报", "本人健在， 公安误报！",
            "已迁出本县", $"ＩＤ有误 {TestRecords.IdNumber(5)}", "", null,
        ]);

        Assert.Equal(
        [
            new ReasonCount("本人健在,公安误报", 4),
            new ReasonCount("未写理由", 2),
            new ReasonCount("ID有误" + ResidentId.Mask(TestRecords.IdNumber(5)), 1),
            new ReasonCount("已迁出本县", 1),
        ], grouped);
    }

    [Fact]
    public void ControlTally_MissRate_ProblemsAmongAnswered()
    {
        var tally = new ControlTally(2, 3, 15).Plus(new ControlTally(0, 5, 0));

        Assert.Equal(10, tally.Answered);
        Assert.Equal(0.2m, tally.MissRate);
        Assert.Null(ControlTally.Zero.MissRate);
    }
}
