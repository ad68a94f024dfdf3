using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// What the county searches findings by. <see cref="Text"/> matches a part of the name or of the ID number, a
/// rule id, or a 预警编号; the other fields narrow the result. Empty fields do not filter.
/// </summary>
public sealed record FindingSearch
{
    public string? Text { get; init; }
    public string? RuleId { get; init; }
    public string? Township { get; init; }
    public FindingStatus? Status { get; init; }
    /// <summary>At most this many findings come back.</summary>
    public int Limit { get; init; } = 200;
}
