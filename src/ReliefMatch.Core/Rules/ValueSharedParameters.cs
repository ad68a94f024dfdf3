namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>value-shared</c>: one value of <see cref="Field"/> of the declared source <see cref="Source"/> (an account, say)
/// on records whose <see cref="MonthField"/> is P for enrolled persons of two or more home-county households. One
/// finding per value and household.
/// </summary>
public sealed record ValueSharedParameters(string Source, string Field, string MonthField) : RuleParameters;
