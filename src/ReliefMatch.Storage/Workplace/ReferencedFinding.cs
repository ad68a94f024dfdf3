using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A finding found by its 预警编号 (<see cref="Finding.Reference"/>), as a returned worklist names it: enough
/// to decide whether the township may dispose of it and whether the disposition changes anything.
/// </summary>
public sealed record ReferencedFinding(string Reference, string Key, string Township, FindingStatus Status)
{
    public string? DispositionReason { get; init; }
    public string? CheckedBy { get; init; }
    public DateOnly? CheckedOn { get; init; }
}
