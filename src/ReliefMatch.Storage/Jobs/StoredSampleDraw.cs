using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sampling;

namespace ReliefMatch.Storage.Jobs;

/// <summary>One township's stored draw of a month, with the households drawn in draw order.</summary>
public sealed record StoredSampleDraw(
    long Id,
    ReportingMonth Period,
    string Township,
    int Seed,
    string Algorithm,
    decimal Fraction,
    int Candidates,
    string CandidatesSha256,
    string? RosterPeriod,
    IReadOnlyList<long> RosterExtracts,
    DateTimeOffset DrawnAt,
    IReadOnlyList<DibaoApproval> Selected)
{
    /// <summary>The county's 核查结果 recorded so far, by household id (a household drawn but not reviewed has none).</summary>
    public IReadOnlyDictionary<string, SampleReview> Reviews { get; init; } = new Dictionary<string, SampleReview>(StringComparer.Ordinal);
}
