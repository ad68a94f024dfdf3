namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>application-not-visited</c>: an undecided application accepted more than <see cref="VisitDays"/> days before end(P)
/// should have had its home visit.
/// </summary>
public sealed record VisitDaysParameters(int VisitDays) : RuleParameters;
