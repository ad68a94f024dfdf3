using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Jobs;

/// <summary>A stored due list without its households: what a list of lists shows.</summary>
/// <param name="Key">The month it is for: the month built in (economic re-check) or the month ended (overdue).</param>
/// <param name="AsOf">The date overdue is judged on: the first day of the month (economic re-check) or its last (overdue).</param>
public sealed record DueListSummary(
    long Id,
    DueListKind Kind,
    ReportingMonth Key,
    DateOnly AsOf,
    int IntervalMonths,
    int Households,
    int Overdue,
    string? RosterPeriod,
    IReadOnlyList<long> RosterExtracts,
    DateTimeOffset BuiltAt);
