using ReliefMatch.Core.Findings;

namespace ReliefMatch.Core.Accuracy;

/// <summary>One finding of a month's run as accuracy counts it: its rule, its township, where it stands and, when dismissed, the reason given.</summary>
public sealed record RuleOutcome(string RuleId, string Township, FindingStatus Status, string? Reason);
