using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>deceased-recipient</c> (and any kind reading deaths): which sources count as death evidence (<c>death_sources</c>):
/// police and health deaths, and declared sources whose declaration names a field <c>meaning: death-date</c>
/// (<see cref="DeclaredDeathSources"/>, e.g. a county's 火化记录).
/// </summary>
public sealed record DeathEvidenceParameters(IReadOnlyList<SourceKind> DeathSources) : RuleParameters
{
    private readonly int _mask = DeathSources.Aggregate(0, (m, s) => m | 1 << (int)s);

    /// <summary>The declared sources (by id) whose rows are death evidence too; empty unless the rule file names some.</summary>
    public IReadOnlyList<string> DeclaredDeathSources { get; init; } = [];

    /// <summary>A bit test: this runs once per departmental record.</summary>
    public bool Uses(SourceKind source) => (_mask & 1 << (int)source) != 0;

    public bool Uses(SourceRef source) =>
        source.Kind is { } kind ? Uses(kind) : DeclaredDeathSources.Contains(source.Id, StringComparer.Ordinal);

    /// <summary>
    /// What a month must have for the rule to run: the roster, and any of the death sources. With declared death
    /// sources the group is one list of ids (a typed source's id counts as the month having it).
    /// </summary>
    public RuleNeeds Needs(MonthParts parts) => DeclaredDeathSources.Count == 0
        ? new() { Sources = [[SourceKind.Roster], DeathSources], Parts = parts }
        : new()
        {
            Sources = [[SourceKind.Roster]],
            DeclaredSources = [[.. DeathSources.Select(s => s.Id()), .. DeclaredDeathSources]],
            Parts = parts,
            // A declared source's deaths reach the rule as death matches, which tie a valid ID to the person holding it only.
            TiedRecordsOnly = DeclaredDeathSources,
        };
}
