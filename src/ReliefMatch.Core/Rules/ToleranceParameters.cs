namespace ReliefMatch.Core.Rules;

/// <summary><c>amount-mismatch</c>: payments and the roster's monthly amounts may differ by up to <see cref="Tolerance"/> yuan.</summary>
public sealed record ToleranceParameters(decimal Tolerance) : RuleParameters;
