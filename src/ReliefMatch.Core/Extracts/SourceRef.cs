using ReliefMatch.Core.Sources;

namespace ReliefMatch.Core.Extracts;

/// <summary>
/// Which source an extract, a record or a piece of evidence belongs to: one of the six sources with a record type of
/// their own (<see cref="Kind"/>), or any other declared source by its id. Two references are equal when their ids
/// are; a <see cref="SourceKind"/> converts to its reference, so code about the six reads as before.
/// </summary>
/// <remarks>
/// Ordered as reports list sources: the six in <see cref="SourceKind"/> order, then declared sources by id (ordinal).
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(SourceRefJsonConverter))]
public readonly struct SourceRef : IEquatable<SourceRef>, IComparable<SourceRef>
{
    private readonly string? _id;
    private readonly SourceKind? _kind;
    private readonly SourceDeclaration? _declaration;

    private SourceRef(string id, SourceKind? kind, SourceDeclaration? declaration)
    {
        _id = id;
        _kind = kind;
        _declaration = declaration;
    }

    /// <summary>The source id: the drop-folder name and the name rule files and reports use.</summary>
    public string Id => _id ?? "";

    /// <summary>The source's record type, for the six that have one; null for a source known by its declaration alone.</summary>
    public SourceKind? Kind => _kind;

    /// <summary>The declaration, when known (always for the six; for another source when it was named through a catalog).</summary>
    public SourceDeclaration? Declaration => _declaration ?? _kind?.Declaration();

    /// <summary>How the source is called in Chinese (the declaration's <c>names.zh</c>; the id when no declaration is known).</summary>
    public string ChineseName => Declaration?.ChineseName ?? Id;

    /// <summary>The reference of a declared source; the <see cref="SourceKind"/> when the declaration is one of the six.</summary>
    public static SourceRef Of(SourceDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return SourceKinds.TryParse(declaration.Id, out var kind)
            ? new SourceRef(declaration.Id, kind, declaration)
            : new SourceRef(declaration.Id, null, declaration);
    }

    /// <summary>
    /// The reference of the source called <paramref name="id"/>, its declaration found in <paramref name="catalog"/> (the
    /// shipped declarations unless given) when it has one there.
    /// </summary>
    public static SourceRef Of(string id, SourceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (SourceKinds.TryParse(id, out var kind))
        {
            return kind;
        }
        return new SourceRef(id, null, (catalog ?? SourceCatalog.Shipped).Find(id));
    }

    public static implicit operator SourceRef(SourceKind kind) => new(kind.Id(), kind, null);

    public bool Equals(SourceRef other) => string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SourceRef other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    public int CompareTo(SourceRef other) => (Kind, other.Kind) switch
    {
        ({ } a, { } b) => a.CompareTo(b),
        ({ }, null) => -1,
        (null, { }) => 1,
        _ => string.CompareOrdinal(Id, other.Id),
    };

    public static bool operator ==(SourceRef left, SourceRef right) => left.Equals(right);

    public static bool operator !=(SourceRef left, SourceRef right) => !left.Equals(right);

    public static bool operator <(SourceRef left, SourceRef right) => left.CompareTo(right) < 0;

    public static bool operator >(SourceRef left, SourceRef right) => left.CompareTo(right) > 0;

    public static bool operator <=(SourceRef left, SourceRef right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SourceRef left, SourceRef right) => left.CompareTo(right) >= 0;

    public override string ToString() => Id;
}
