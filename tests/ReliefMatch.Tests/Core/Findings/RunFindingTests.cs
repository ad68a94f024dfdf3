using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;

namespace ReliefMatch.Tests.Core.Findings;

public class RunFindingTests
{
    [Fact]
    public void DueDate_FirstSeenMonth_EndOfThatMonthPlusTheDueDays() =>
        Assert.Equal(new DateOnly(2023, 7, 31), Run(Make("450326195803120011", "罗锦镇"), new ReportingMonth(2023, 7)).DueDate.AddDays(-30));

    [Fact]
    public void DueDate_StillOpenMonthsLater_DoesNotMoveWithLaterMonths()
    {
        var finding = Make("450326195803120011", "罗锦镇") with { DueDays = 15 };

        Assert.Equal(new DateOnly(2023, 3, 15), new RunFinding(finding, new ReportingMonth(2023, 2)).DueDate);
        Assert.Equal(new DateOnly(2024, 1, 15), new RunFinding(finding, new ReportingMonth(2023, 12)).DueDate);
    }
}
