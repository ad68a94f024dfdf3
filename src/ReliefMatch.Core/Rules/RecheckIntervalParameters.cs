namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>economic-check-overdue</c> and <c>home-visit-overdue</c>: a household is overdue when its latest date
/// is missing or <see cref="IntervalMonths"/> calendar months after it is before end(P).
/// </summary>
public sealed record RecheckIntervalParameters(int IntervalMonths) : RuleParameters
{
    /// <summary>Calendar-month add (2023-01-31 + 6 months = 2023-07-31), compared strictly with end(P).</summary>
    public bool IsOverdue(DateOnly? latest, DateOnly periodEnd) =>
        latest is not { } d || d.AddMonths(IntervalMonths) < periodEnd;
}
