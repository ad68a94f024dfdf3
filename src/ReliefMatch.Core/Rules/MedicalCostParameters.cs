namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>low-income-medical</c>: out-of-pocket costs settled in the <see cref="WindowMonths"/> calendar months
/// ending end(P) (from the first day of month P−(window−1) to end(P), both included) add up to at least
/// <see cref="Threshold"/> yuan.
/// </summary>
public sealed record MedicalCostParameters(decimal Threshold, int WindowMonths) : RuleParameters;
