namespace ReliefMatch.Host.Outputs;

/// <summary>One line of a township worklist: one finding to check, as printed.</summary>
/// <param name="IdNumber">身份证号 as printed: masked (first 6 and last 4) unless full IDs were asked for.</param>
/// <param name="Evidence">证据 as printed: any ID it quotes masked the same way.</param>
/// <param name="Reference">预警编号 (<see cref="Core.Findings.Finding.Reference"/>): how a returned worklist finds its finding.</param>
public sealed record WorklistRow(
    int Number,
    string Village,
    string Name,
    string IdNumber,
    string Programmes,
    string Warning,
    string Evidence,
    string SuggestedAction,
    DateOnly DueDate,
    string Reference)
{
    /// <summary>
    /// What the township already recorded, in the four columns it fills in (核查结果, 处置情况, 核查人, 核查日期): empty
    /// for an open finding; 属实 with its details; or, on an escalation row, 属实未处置 with the first confirmation.
    /// </summary>
    public WorklistOutcome Outcome { get; init; } = WorklistOutcome.None;
}
