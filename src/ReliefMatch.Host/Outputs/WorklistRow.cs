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
    string Reference);
