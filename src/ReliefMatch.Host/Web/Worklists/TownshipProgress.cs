using ReliefMatch.Core.Findings;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web.Worklists;

/// <summary>
/// Where a township stands with a month's findings: how many are still open, confirmed (属实), dismissed
/// (不属实) or closed by later runs, and how many of the open ones are past their 核查时限 (the end of the month
/// they were first raised in plus the rule's due days).
/// </summary>
public sealed record TownshipProgress(string Township, int Total, int Open, int Confirmed, int Dismissed, int Closed, int Overdue)
{
    public static TownshipProgress Of(string township, IEnumerable<WorkplaceFinding> findings, DateOnly today)
    {
        int total = 0, open = 0, confirmed = 0, dismissed = 0, closed = 0, overdue = 0;
        foreach (var f in findings)
        {
            total++;
            switch (f.Status)
            {
                case FindingStatus.Open:
                    open++;
                    if (IsOverdue(f, today))
                    {
                        overdue++;
                    }
                    break;
                case FindingStatus.Confirmed:
                    confirmed++;
                    break;
                case FindingStatus.Dismissed:
                    dismissed++;
                    break;
                case FindingStatus.Closed:
                    closed++;
                    break;
            }
        }
        return new TownshipProgress(township, total, open, confirmed, dismissed, closed, overdue);
    }

    /// <summary>An open finding whose 核查时限 has passed (the due day itself is still in time).</summary>
    public static bool IsOverdue(WorkplaceFinding finding, DateOnly today) =>
        finding.Status == FindingStatus.Open && finding.ToRunFinding().DueDate < today;
}
