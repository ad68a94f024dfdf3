namespace ReliefMatch.Core.Accuracy;

/// <summary>A 不属实 reason as grouped (<see cref="DismissalReasons.Normalise"/>) and how many findings gave it.</summary>
public sealed record ReasonCount(string Reason, int Count);
