using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Findings;

/// <summary>
/// One piece of evidence behind a finding: the extract and row it came from and what it says, in Chinese,
/// as printed on the worklist (e.g. <c>公安户籍注销：2023-05-12 死亡</c>).
/// </summary>
public sealed record Evidence(SourceKind Source, long ExtractId, int Row, string Text)
{
    /// <summary>Evidence from a record of a declared source without a record type of its own (payments, vehicles, …).</summary>
    public Evidence(string declaredSource, long extractId, int row, string text)
        : this(default(SourceKind), extractId, row, text) => DeclaredSource = declaredSource;

    /// <summary>The declared source's id when the record is of one without a record type; then <see cref="Source"/> means nothing.</summary>
    public string? DeclaredSource { get; init; }

    /// <summary>The id of the source the record came from, whichever kind of source it is.</summary>
    public string SourceId => DeclaredSource ?? Source.Id();

    /// <summary>
    /// An amount the evidence states, kept as a value so that it can be summed (the total paid after a death: the
    /// overpayment to recover); null when the evidence states none.
    /// </summary>
    public decimal? Amount { get; init; }

    /// <summary>The months the evidence covers (the months paid after a death), in order; null when none.</summary>
    public IReadOnlyList<ReportingMonth>? Months { get; init; }
}
