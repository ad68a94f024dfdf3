using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary><c>deceased-recipient</c>: which sources count as death evidence (<c>death_sources</c>).</summary>
public sealed record DeathEvidenceParameters(IReadOnlyList<SourceKind> DeathSources) : RuleParameters
{
    public bool Uses(SourceKind source) => DeathSources.Contains(source);
}
