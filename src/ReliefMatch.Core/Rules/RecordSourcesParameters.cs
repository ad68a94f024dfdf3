using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Rules;

/// <summary><c>id-name-mismatch</c>: which departmental sources are compared with the roster (<c>sources</c>).</summary>
public sealed record RecordSourcesParameters(IReadOnlyList<SourceKind> Sources) : RuleParameters
{
    private readonly int _mask = Sources.Aggregate(0, (m, s) => m | 1 << (int)s);

    /// <summary>A bit test: this runs once per departmental record.</summary>
    public bool Uses(SourceKind source) => (_mask & 1 << (int)source) != 0;

    /// <summary>Whether records of <paramref name="source"/> are compared; only the six typed sources can be.</summary>
    public bool Uses(SourceRef source) => source.Kind is { } kind && Uses(kind);
}
