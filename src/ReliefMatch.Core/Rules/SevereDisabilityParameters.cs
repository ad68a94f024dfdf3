using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>low-income-severe-disability</c>: a valid certificate is severe when its level is one of
/// <see cref="Levels"/> (any category), or it is level 3 of one of <see cref="Level3Categories"/>.
/// </summary>
public sealed record SevereDisabilityParameters(IReadOnlySet<int> Levels, IReadOnlySet<DisabilityCategory> Level3Categories) : RuleParameters
{
    public bool IsSevere(DisabilityCategory category, int level) =>
        Levels.Contains(level) || level == 3 && Level3Categories.Contains(category);
}
