using System.Globalization;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// Assistance paid for months after the date a finding concerns (a death): the months and their total, the money a
/// township recovers once the finding is confirmed (属实). Only the evidence of a <c>paid-after-death</c> finding
/// states one, as values (<see cref="Evidence.Amount"/>, <see cref="Evidence.Months"/>), so that it sums exactly.
/// </summary>
public sealed record Overpayment(decimal Amount, IReadOnlyList<ReportingMonth> Months)
{
    /// <summary>The overpayment the finding's own evidence states; null when it states none.</summary>
    public static Overpayment? StatedBy(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Evidence.FirstOrDefault(e => e.Amount is not null && e.Months is not null) is { } e
            ? new Overpayment(e.Amount!.Value, e.Months!)
            : null;
    }

    /// <summary>Money as every page prints it: <c>1,234.50</c> (the unit 元 is the caller's).</summary>
    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary><c>600.00 元（2023-06、2023-07，共2个月）</c>.</summary>
    public string Text => $"{Money(Amount)} 元（{string.Join("、", Months)}，共{Months.Count}个月）";

    /// <summary>
    /// What a finding concerning this overpayment says of it: money to recover once confirmed (属实), else the amount
    /// paid after the death, to recover if the township confirms it.
    /// </summary>
    public string Note(FindingStatus status) => status == FindingStatus.Confirmed
        ? $"应追回 {Text}"
        : $"死亡后多发 {Text}，核查属实后应追回";
}
