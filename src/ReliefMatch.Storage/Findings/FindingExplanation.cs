using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// Everything needed to re-derive a flag months later: the rule and its version, the person and household, and
/// for each piece of evidence the extract (file name, SHA-256, period) and row it came from.
/// </summary>
public sealed record FindingExplanation(
    string Key,
    string Reference,
    string RuleId,
    int RuleVersion,
    string IdNumber,
    string HouseholdId,
    string Name,
    string Township,
    string Village,
    string Confidence,
    string Status,
    string FirstSeen,
    string LastSeen,
    string? DispositionReason,
    IReadOnlyList<ExplainedEvidence> Evidence)
{
    /// <summary>
    /// The months whose runs produced the finding, in order, each with the version of the rule that raised it that
    /// month: a rule published since does not rewrite what raised the months before it.
    /// </summary>
    public IReadOnlyList<KeyValuePair<ReportingMonth, int>> Periods { get; init; } = [];

    /// <summary>
    /// The month the finding is viewed for: <paramref name="asked"/> when its run produced the finding, else the latest
    /// month that did (<see cref="LastSeen"/>).
    /// </summary>
    public ReportingMonth ViewedFor(ReportingMonth? asked) =>
        asked is { } a && Periods.Any(p => p.Key == a) ? a : Periods.Count > 0 ? Periods[^1].Key : ReportingMonth.Parse(LastSeen);

    /// <summary>The version of the rule that raised the finding in <paramref name="period"/>; the stored latest one when that month is not known.</summary>
    public int VersionIn(ReportingMonth period) =>
        Periods.FirstOrDefault(p => p.Key == period) is { Value: > 0 } found ? found.Value : RuleVersion;
}

/// <summary>One piece of evidence with the extract it was read from (null fields when the extract is unknown).</summary>
public sealed record ExplainedEvidence(string Source, long ExtractId, int Row, string Text, string? File, string? Sha256, string? Period);
