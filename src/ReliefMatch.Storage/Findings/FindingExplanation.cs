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
    IReadOnlyList<ExplainedEvidence> Evidence);

/// <summary>One piece of evidence with the extract it was read from (null fields when the extract is unknown).</summary>
public sealed record ExplainedEvidence(string Source, long ExtractId, int Row, string Text, string? File, string? Sha256, string? Period);
