using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sampling;

/// <summary>
/// The new 低保 approvals of a month, read from that month's roster snapshot. The unit is the household
/// (低保 is granted to the household as a whole, 整户): a home-county household is a new approval of P when
/// the earliest 纳入时间 among its members enrolled (active or phasing out) in 城市低保 or 农村低保 falls within P.
/// A member added to a household approved earlier does not make it new; a household none of whose dibao rows
/// has a 纳入时间 cannot be dated and is not a candidate.
/// </summary>
public static class NewDibaoApprovals
{
    /// <summary>The households approved in <paramref name="period"/>, ordered by household id (ordinal).</summary>
    public static IReadOnlyList<DibaoApproval> Of(IReadOnlyList<RosterRecord> roster, string homeCounty, ReportingMonth period)
    {
        var approvals = new List<DibaoApproval>();
        foreach (var household in RosterHouseholds.OfHomeCounty(roster, homeCounty))
        {
            var first = household.Members
                .Where(m => m.IsEnrolled && m.Programme.IsDibao() && m.EnrolledOn.HasValue)
                .OrderBy(m => m.EnrolledOn)
                .FirstOrDefault();
            if (first is null || first.EnrolledOn < period.First || first.EnrolledOn > period.Last)
            {
                continue;
            }
            approvals.Add(new DibaoApproval(
                household.HouseholdId,
                household.Head.CountyCode.Trim(),
                household.Township,
                household.Village,
                household.Head.Name,
                household.Head.Id.Text,
                first.Programme,
                first.EnrolledOn!.Value,
                household.Members.Count));
        }
        return approvals;
    }
}
