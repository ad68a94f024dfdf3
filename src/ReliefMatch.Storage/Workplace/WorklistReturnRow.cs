namespace ReliefMatch.Storage.Workplace;

/// <summary>One row of a returned worklist: where it is in the file, its 预警编号, and what became of it (and why, when refused).</summary>
public sealed record WorklistReturnRow(int Row, string Reference, ReturnOutcome Outcome, string? Reason = null);
