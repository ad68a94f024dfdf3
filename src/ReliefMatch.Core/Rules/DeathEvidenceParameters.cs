using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary><c>deceased-recipient</c>: which sources count as death evidence (<c>death_sources</c>).</summary>
public sealed record DeathEvidenceParameters(IReadOnlyList<SourceKind> DeathSources) : RuleParameters
{
    private readonly int _mask = DeathSources.Aggregate(0, (m, s) => m | 1 << (int)s);

    /// <summary>A bit test: this runs once per departmental record.</summary>
    public bool Uses(SourceKind source) => (_mask & 1 << (int)source) != 0;
}
