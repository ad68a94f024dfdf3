using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>A monthly run as <c>reliefmatch.runs</c> records it: when, how it ended, and what it counted.</summary>
public sealed record RunRecord
{
    public required long Id { get; init; }
    public required ReportingMonth Period { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary><c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }
    public string? Error { get; init; }
    public int? Findings { get; init; }
    public int? NewFindings { get; init; }
    public int? Dismissed { get; init; }
    public int? Closed { get; init; }
}
