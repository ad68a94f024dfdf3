using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// <c>deceased-recipient</c> (and any kind reading deaths): which sources count as death evidence (<c>death_sources</c>),
/// one list of source ids as the rule file gives them: police and health deaths, and any declared source whose
/// declaration names a field <c>meaning: death-date</c> (e.g. a county's 火化记录). To the rule file a source with a
/// record type of its own is a source like any other.
/// </summary>
public sealed record DeathEvidenceParameters : RuleParameters
{
    private readonly SourceKind[] _kinds;
    private readonly string[] _declared;
    private readonly int _mask;

    /// <param name="deathSources">The source ids, in the rule file's order.</param>
    public DeathEvidenceParameters(IReadOnlyList<string> deathSources)
    {
        ArgumentNullException.ThrowIfNull(deathSources);
        DeathSources = deathSources;
        var kinds = new List<SourceKind>();
        var declared = new List<string>();
        foreach (var id in deathSources)
        {
            if (SourceKinds.TryParse(id, out var kind))
            {
                kinds.Add(kind);
            }
            else
            {
                declared.Add(id);
            }
        }
        _kinds = [.. kinds];
        _declared = [.. declared];
        _mask = kinds.Aggregate(0, (m, s) => m | 1 << (int)s);
    }

    /// <summary>The sources whose rows are death evidence, by id, in the rule file's order.</summary>
    public IReadOnlyList<string> DeathSources { get; }

    /// <summary>Whether rows of <paramref name="source"/> are death evidence; this runs once per departmental record, so a source with a record type is a bit test.</summary>
    public bool Uses(SourceRef source) =>
        source.Kind is { } kind ? (_mask & 1 << (int)kind) != 0 : Array.IndexOf(_declared, source.Id) >= 0;

    /// <summary>
    /// What a month must have for the rule to run: the roster, and any of the death sources. With sources without a
    /// record type among them the group is one list of ids (a typed source's id counts as the month having it), the
    /// typed ones first.
    /// </summary>
    public RuleNeeds Needs(MonthParts parts) => _declared.Length == 0
        ? new() { Sources = [[SourceKind.Roster], _kinds], Parts = parts }
        : new()
        {
            Sources = [[SourceKind.Roster]],
            DeclaredSources = [[.. _kinds.Select(s => s.Id()), .. _declared]],
            Parts = parts,
            // A declared source's deaths reach the rule as death matches, which tie a valid ID to the person holding it only.
            TiedRecordsOnly = _declared,
        };
}
