using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// What findings are searched by. <see cref="Text"/> matches a part of the name or of the ID number, a rule id, or a
/// 预警编号; the other fields narrow the result (<see cref="Period"/>: the findings a run of that month raised).
/// Empty fields do not filter.
/// </summary>
public sealed record FindingSearch
{
    public string? Text { get; init; }
    public string? RuleId { get; init; }
    public string? Township { get; init; }
    public FindingStatus? Status { get; init; }
    public ReportingMonth? Period { get; init; }
    public FindingSort Sort { get; init; }
    /// <summary>At most this many findings come back.</summary>
    public int Limit { get; init; } = 200;
    /// <summary>How many findings, in <see cref="Sort"/> order, are passed over first (the earlier pages).</summary>
    public int Offset { get; init; }
}

/// <summary>The order of a <see cref="FindingSearch"/>'s result; ties are broken the same way every time (by key).</summary>
public enum FindingSort
{
    /// <summary>首次预警 month, newest first; then township, village, name.</summary>
    Month,
    /// <summary>Township, village, name.</summary>
    Township,
    /// <summary>Rule id, then township and name.</summary>
    Rule,
    /// <summary>Name, then township.</summary>
    Name,
}

/// <summary>A page of a search's findings and how many match in all.</summary>
public sealed record FindingPage(IReadOnlyList<WorkplaceFinding> Findings, int Total);
