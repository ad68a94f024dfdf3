using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>Whom a rule of a general kind looks at.</summary>
public enum Holders
{
    /// <summary><c>enrolled</c>: home-county persons enrolled in one of the rule's programmes (and their households).</summary>
    Enrolled = 1,

    /// <summary><c>low-income</c>: the low-income population — enrolled in any programme in the home county, or monitored (risk not cleared).</summary>
    LowIncome,
}

/// <summary>What one finding of a rule of a general kind is about.</summary>
public enum FindingUnit
{
    /// <summary><c>person</c>: one finding per person (and home household where the person is enrolled).</summary>
    Person = 1,

    /// <summary><c>household</c>: one finding per home-county household, filed under its head.</summary>
    Household,
}

/// <summary>
/// One threshold of a <c>record-held</c> rule: the records meeting <see cref="Where"/> (besides the rule's own
/// conditions), counted distinct by <see cref="DistinctBy"/> (a record without a value counts on its own), flag when
/// there are more than <see cref="MoreThan"/> of them.
/// </summary>
public sealed record RecordCount(IReadOnlyList<RecordCondition> Where, string? DistinctBy, int MoreThan);

/// <summary>
/// <c>record-held</c>: a record of the declared source <see cref="Source"/>, tied to a person by exact or repaired
/// identity, meeting every condition of <see cref="Where"/>, held by someone of <see cref="Holders"/>; a finding per
/// <see cref="Per"/> when any count of <see cref="FlagWhen"/> is exceeded by the records of that person or of that
/// household's enrolled members. <see cref="Show"/> names the fields the evidence quotes, so that a clerk can find the
/// record (plate and type; location and use; entity and role).
/// </summary>
public sealed record RecordHeldParameters(string Source, Holders Holders, IReadOnlyList<Programme> Programmes, FindingUnit Per,
    IReadOnlyList<RecordCondition> Where, IReadOnlyList<RecordCount> FlagWhen, IReadOnlyList<string> Show) : RuleParameters
{
    /// <summary>The programmes as bits (1 &lt;&lt; programme), as households keep theirs.</summary>
    public int ProgrammeMask { get; } = Programmes.Aggregate(0, (m, p) => m | 1 << (int)p);
}
