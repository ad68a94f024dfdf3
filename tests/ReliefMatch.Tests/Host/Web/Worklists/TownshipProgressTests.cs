using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web.Worklists;

public class TownshipProgressTests
{
    private static WorkplaceFinding Stored(int person, FindingStatus status, ReportingMonth firstSeen) =>
        new(Deceased(person, Luojin), firstSeen, firstSeen, status);

    [Fact]
    public void Of_Findings_CountsByStatusAndOverdueOnlyOpenPastTheDueDate()
    {
        var june = new ReportingMonth(2023, 6);
        IReadOnlyList<WorkplaceFinding> findings =
        [
            Stored(1, FindingStatus.Open, june),          // due 2023-07-15: overdue
            Stored(2, FindingStatus.Open, July),          // due 2023-08-15: due today, in time
            Stored(3, FindingStatus.Confirmed, june),     // overdue date, but checked
            Stored(4, FindingStatus.Dismissed, July),
            Stored(5, FindingStatus.Closed, june),
        ];

        var progress = TownshipProgress.Of(Luojin, findings, new DateOnly(2023, 8, 15));

        Assert.Equal(new TownshipProgress(Luojin, 5, 2, 1, 1, 1, 1), progress);
    }
}
