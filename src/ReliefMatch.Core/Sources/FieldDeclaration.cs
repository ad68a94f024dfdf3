namespace ReliefMatch.Core.Sources;

/// <summary>
/// One field of a source declaration: the canonical name rules and reports use, how its cells are read, the
/// header spellings that occur in departmental files (in order of preference when a file has two of them) and
/// whether a file must have the column.
/// </summary>
public sealed record FieldDeclaration
{
    /// <summary>snake_case, e.g. <c>id_number</c>; unique within the source.</summary>
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>The header spellings; the first is how reports name the column.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>A file whose header row lacks the column is refused as a whole.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// For <see cref="FieldType.Code"/>: the name of a shipped code list (<see cref="SourceDeclarationLoader.CodeListNames"/>),
    /// or null when <see cref="CodeValues"/> lists the values.
    /// </summary>
    public string? CodeList { get; init; }

    /// <summary>For <see cref="FieldType.Code"/> without a shipped list: the values a cell may hold.</summary>
    public IReadOnlyList<string> CodeValues { get; init; } = [];

    /// <summary>Whether the value is kept when the row is stored; a field read only to be checked is not.</summary>
    public bool Stored { get; init; } = true;

    /// <summary>
    /// What the field means to the rules beyond its name (<c>meaning</c>), or null. <see cref="FieldMeanings.DeathDate"/>
    /// on a date field makes each row of the source a death on that date, which the death rules may take as evidence.
    /// </summary>
    public string? Meaning { get; init; }

    /// <summary>The line of the declaration the field starts on, for messages.</summary>
    public long Line { get; init; }
}
