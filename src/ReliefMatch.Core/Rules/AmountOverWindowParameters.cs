using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>amount-over-window</c>: per home-county household with a member enrolled in one of <see cref="Programmes"/>, the
/// sum of <see cref="AmountField"/> over the records of its enrolled members (exact or repaired identity) whose
/// <see cref="MonthField"/> is in the <see cref="WindowMonths"/> months ending P and that meet <see cref="Where"/>,
/// compared with a limit: <see cref="Threshold"/> yuan when given, else, for each enrolled member whose programme has a
/// standard in <see cref="Standards"/>, that standard × the window's months, summed. The household is flagged when its
/// sum is more than the limit. The evidence sums each member's records per <see cref="GroupBy"/> value.
/// </summary>
public sealed record AmountOverWindowParameters(string Source, string AmountField, string MonthField, int WindowMonths,
    IReadOnlyList<Programme> Programmes, decimal? Threshold, IReadOnlyDictionary<Programme, decimal> Standards,
    IReadOnlyList<RecordCondition> Where, string? GroupBy) : RuleParameters
{
    public int ProgrammeMask { get; } = Programmes.Aggregate(0, (m, p) => m | 1 << (int)p);
}
