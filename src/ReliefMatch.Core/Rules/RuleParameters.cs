namespace ReliefMatch.Core.Rules;

/// <summary>
/// The parameters of a rule; each <see cref="RuleKind"/> has its own shape (see rules/README.md), and the
/// loader refuses a file whose parameters do not fit its kind.
/// </summary>
public abstract record RuleParameters;
