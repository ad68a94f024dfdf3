using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Bench;

/// <summary>
/// One finding of a peer: the rule's id and its subject — the person's 18-character ID, or for the household rules
/// (<see cref="RuleKind.EconomicCheckOverdue"/>, <see cref="RuleKind.HomeVisitOverdue"/>) the household id.
/// </summary>
public sealed record PeerFinding(string RuleId, string Subject);
