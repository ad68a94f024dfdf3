namespace ReliefMatch.Core.Rules;

/// <summary>A rule that raised nothing this month because its input is missing, and why (in Chinese, for the run report and the month page).</summary>
public sealed record RuleSkip(string RuleId, string Reason);
