using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// One piece of evidence behind a finding: the extract and row it came from and what it says, in Chinese,
/// as printed on the worklist (e.g. <c>公安户籍注销：2023-05-12 死亡</c>).
/// </summary>
public sealed record Evidence(SourceRef Source, long ExtractId, int Row, string Text)
{
    /// <summary>
    /// An amount the evidence states, kept as a value so that it can be summed (the total paid after a death: the
    /// overpayment to recover); null when the evidence states none.
    /// </summary>
    public decimal? Amount { get; init; }

    /// <summary>The months the evidence covers (the months paid after a death), in order; null when none.</summary>
    public IReadOnlyList<ReportingMonth>? Months { get; init; }
}
