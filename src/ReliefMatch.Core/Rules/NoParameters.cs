namespace ReliefMatch.Core.Rules;

/// <summary>The kinds whose meaning is fixed by docs/rules.md take no parameters.</summary>
public sealed record NoParameters : RuleParameters
{
    public static NoParameters Instance { get; } = new();
}
