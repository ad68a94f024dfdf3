using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// What one rule reads, as its kind declares it: the sources it needs (each group met when the month has any of
/// them), the optional roster columns, and the shared month data (<see cref="MonthParts"/>). The same statement
/// decides whether the rule can run on a month (docs/rules.md, "A rule whose input is missing") and what the engine
/// prepares before the rules run in parallel.
/// </summary>
public sealed record RuleNeeds
{
    /// <summary>In order: the first group the month has none of is the reason the rule is skipped.</summary>
    public IReadOnlyList<IReadOnlyList<SourceKind>> Sources { get; init; } = [];

    public IReadOnlyList<RosterColumn> RosterColumns { get; init; } = [];

    /// <summary>
    /// The declared sources without a record type of their own that the rule reads, by source id, in groups as
    /// <see cref="Sources"/>: each group is met when the month has any of them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> DeclaredSources { get; init; } = [];

    /// <summary>
    /// Declared sources the rule reads when the month has them but can do without (the hukou snapshot widens
    /// <c>kin-not-filed</c> from staff to their registered households): never a reason to skip.
    /// </summary>
    public IReadOnlyList<string> OptionalDeclaredSources { get; init; } = [];

    /// <summary>
    /// Of the declared sources the rule reads, those whose records it uses only when they are tied to a person of the
    /// month's index (the roster set and the monitoring snapshot): a record whose valid ID no such person holds is
    /// never tied (a valid ID matches by that ID only), so the load may leave it out for this rule. A kind that
    /// reports records of people off the roster (a payment to someone not enrolled, an applicant, a staff member)
    /// does not list its sources here.
    /// </summary>
    public IReadOnlyList<string> TiedRecordsOnly { get; init; } = [];

    /// <summary>
    /// The declared fields the rule reads: the rule is skipped when no present file of the source had the column
    /// (<see cref="Sources.DeclaredTable.PresentFields"/>).
    /// </summary>
    public IReadOnlyList<DeclaredField> DeclaredFields { get; init; } = [];

    public MonthParts Parts { get; init; }

    /// <summary>With <see cref="MonthParts.MedicalSettlements"/>: the months of the rule's window ending end(P).</summary>
    public int MedicalWindowMonths { get; init; }

    /// <summary>A rule about the roster's people that reads nothing else.</summary>
    public static RuleNeeds RosterOnly { get; } = new() { Sources = [[SourceKind.Roster]] };
}

/// <summary>A field of a declared source, as a rule kind names what it reads.</summary>
public readonly record struct DeclaredField(string Source, string Field);
