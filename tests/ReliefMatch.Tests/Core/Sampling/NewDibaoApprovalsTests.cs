using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;
using static ReliefMatch.Tests.Core.Checks.RosterRows;

namespace ReliefMatch.Tests.Core.Sampling;

public sealed class NewDibaoApprovalsTests
{
    private static readonly ReportingMonth July = new(2023, 7);

    [Fact]
    public void Of_HouseholdApprovedInTheMonth_OneEntryForTheWholeHousehold()
    {
        var approval = Assert.Single(NewDibaoApprovals.Of(
            [Row(1, "H1", enrolledOn: "2023-07-10", relation: "子"), Row(2, "H1", enrolledOn: "2023-07-10"), Row(3, "H1", enrolledOn: "2023-07-10", relation: "配偶")],
            "450326", July));

        Assert.Equal(("H1", "永福镇", "张2", Programme.RuralDibao, new DateOnly(2023, 7, 10), 3),
            (approval.HouseholdId, approval.Township, approval.HeadName, approval.Programme, approval.ApprovedOn, approval.Members));
    }

    [Theory]
    [InlineData("2023-07-01", true)]
    [InlineData("2023-07-31", true)]
    [InlineData("2023-06-30", false)]
    [InlineData("2023-08-01", false)]
    public void Of_ApprovalDate_CountsOnlyWithinTheMonth(string enrolledOn, bool isNew) =>
        Assert.Equal(isNew, NewDibaoApprovals.Of([Row(1, "H1", enrolledOn: enrolledOn)], "450326", July).Count == 1);

    [Fact]
    public void Of_MemberAddedToAHouseholdApprovedEarlier_NotANewApproval() =>
        Assert.Empty(NewDibaoApprovals.Of([Row(1, "H1", enrolledOn: "2021-02-01"), Row(2, "H1", enrolledOn: "2023-07-15", relation: "子")], "450326", July));

    [Fact]
    public void Of_NotDibaoNotEnrolledNotHomeOrUndated_NotCandidates()
    {
        var approvals = NewDibaoApprovals.Of(
        [
            Row(1, "T1", Programme.Tekun, enrolledOn: "2023-07-05"),
            Row(2, "E1", Programme.Edge, enrolledOn: "2023-07-05"),
            Row(3, "S1", status: EnrolmentStatus.Stopped, enrolledOn: "2023-07-05"),
            Row(4, "X1", county: "450325", enrolledOn: "2023-07-05"),
            Row(5, "U1", enrolledOn: null),
            Row(6, "D1", Programme.UrbanDibao, status: EnrolmentStatus.PhasingOut, enrolledOn: "2023-07-05"),
        ], "450326", July);

        Assert.Equal([("D1", Programme.UrbanDibao)], approvals.Select(a => (a.HouseholdId, a.Programme)));
    }
}
