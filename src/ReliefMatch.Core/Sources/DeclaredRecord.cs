using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Core.Sources;

/// <summary>
/// One accepted row of a declared source that has no record type of its own: the person's name and ID, which every
/// record has, and one value per declared field in declared order, typed as <see cref="DeclaredTable"/> says (the
/// <c>resident-id</c> field's value is <see cref="ExtractRecord.Id"/>; its entry is null).
/// </summary>
public sealed record DeclaredRecord : ExtractRecord
{
    private readonly SourceDeclaration _declaration = null!;
    private readonly SourceRef _source;

    public required SourceDeclaration Declaration
    {
        get => _declaration;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _declaration = value;
            _source = SourceRef.Of(value);
        }
    }

    public override SourceRef Source => _source;

    /// <summary>One entry per declared field, in declared order; null for an empty cell or a column the file lacks.</summary>
    public required IReadOnlyList<object?> Values { get; init; }

    /// <summary>
    /// False when a <c>keep-as-non-evidence</c> filter of the declaration holds the row back
    /// (<see cref="SourceDeclaration.IsEvidence"/>): it is stored and counted as accepted, but no rule takes it as evidence.
    /// </summary>
    public bool IsEvidence { get; init; } = true;
}
