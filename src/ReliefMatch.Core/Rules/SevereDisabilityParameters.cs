using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>low-income-severe-disability</c>: a valid certificate is severe when its level is one of
/// <see cref="Levels"/> (any category), or it is level 3 of one of <see cref="Level3Categories"/>.
/// </summary>
public sealed record SevereDisabilityParameters(IReadOnlySet<int> Levels, IReadOnlySet<DisabilityCategory> Level3Categories) : RuleParameters
{
    private readonly int _levelMask = Levels.Aggregate(0, (m, l) => m | 1 << l);
    private readonly int _categoryMask = Level3Categories.Aggregate(0, (m, c) => m | 1 << (int)c);

    /// <summary>Bit tests rather than set look-ups: this runs for every certificate of a province.</summary>
    public bool IsSevere(DisabilityCategory category, int level) =>
        level is >= 0 and < 31 && (_levelMask & 1 << level) != 0 || level == 3 && (_categoryMask & 1 << (int)category) != 0;
}
