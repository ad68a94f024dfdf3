using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary><c>id-name-mismatch</c>: which departmental sources are compared with the roster (<c>sources</c>).</summary>
public sealed record RecordSourcesParameters(IReadOnlyList<SourceKind> Sources) : RuleParameters
{
    public bool Uses(SourceKind source) => Sources.Contains(source);
}
