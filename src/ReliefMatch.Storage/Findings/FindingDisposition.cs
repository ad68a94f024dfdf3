using ReliefMatch.Core.Findings;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// What a township recorded about a finding on its returned worklist: 核查结果 (<see cref="Status"/>), 处置情况
/// (<see cref="Reason"/>), 核查人 (<see cref="CheckedBy"/>) and 核查日期 (<see cref="CheckedOn"/>), and which
/// signed-in user handed it in (<see cref="By"/>).
/// </summary>
/// <param name="Township">
/// When set, the disposition applies only to a finding of that township: a township can dispose of its own
/// findings only, and the check is made in the same statement as the change.
/// </param>
public sealed record FindingDisposition(FindingStatus Status, string Reason, string By)
{
    public string? CheckedBy { get; init; }
    public DateOnly? CheckedOn { get; init; }
    public string? Township { get; init; }
}
