namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// One row of a returned worklist: where it is in the file, its 预警编号, and what became of it (and why, when
/// refused); and the finding it spoke of as the worklist printed it (姓名, 身份证号 masked 6+4, the rule), when the
/// 预警编号 named one of the township's findings.
/// </summary>
public sealed record WorklistReturnRow(int Row, string Reference, ReturnOutcome Outcome, string? Reason = null)
{
    public string? Name { get; init; }
    /// <summary>身份证号, masked 6+4: a return report is read by the township and kept.</summary>
    public string? MaskedId { get; init; }
    public string? RuleId { get; init; }
}
