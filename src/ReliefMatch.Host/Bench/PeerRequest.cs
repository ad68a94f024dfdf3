using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Bench;

/// <summary>What a peer reads: the drop folder of one size, the month, the rule files' parameters and the home county.</summary>
public sealed record PeerRequest(string Inbox, ReportingMonth Month, RuleSet Rules, string HomeCountyCode);
