namespace ReliefMatch.Core.Sources;

/// <summary>
/// One departmental source as a file declares it (<c>rules/sources/&lt;id&gt;.yaml</c>): its id (the drop-folder
/// name and the name rule files use), names, department, which records a month sees (<see cref="Policy"/>), the
/// ordered fields with their types and header spellings, the row filters and the fields that identify a person.
/// The shape follows Frictionless Table Schema (an ordered list of typed fields with constraints) plus what the
/// domain needs.
/// </summary>
public sealed record SourceDeclaration
{
    /// <summary>Lower-case letters, digits and single hyphens, e.g. <c>police-deaths</c>.</summary>
    public required string Id { get; init; }

    /// <summary>How the source is called in Chinese, for reports and evidence.</summary>
    public required string ChineseName { get; init; }

    public required string EnglishName { get; init; }

    /// <summary>The department that sends it, e.g. 公安.</summary>
    public required string Department { get; init; }

    public required SourcePolicy Policy { get; init; }

    /// <summary>For <see cref="SourcePolicy.Latest"/>: the fields whose values name one entry; empty otherwise.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>The fields in declared order: the order they are documented, stored and read back in.</summary>
    public required IReadOnlyList<FieldDeclaration> Fields { get; init; }

    /// <summary>
    /// Further header requirements beyond the required fields: each group is met when the header row names at least
    /// one of its fields (a police file needs 死亡日期 or 注销日期, which stands in for it).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredOneOf { get; init; } = [];

    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>
    /// Whether a row is evidence for the rules: it passes every <c>keep-as-non-evidence</c> filter (a police
    /// cancellation whose 注销原因 is not 死亡 is kept and counted, but is no death). The readers apply the same filters
    /// to the cells as read; a loader asks this of the stored values, which for the text fields such a filter reads
    /// are the cells as read.
    /// </summary>
    /// <param name="value">The trimmed text of a field of the row; null when blank.</param>
    /// <param name="hasColumn">Whether the row's file had a column for a field.</param>
    public bool IsEvidence(Func<string, string?> value, Func<string, bool> hasColumn)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(hasColumn);
        foreach (var filter in Filters)
        {
            if (filter.Otherwise == RowFilterEffect.KeepAsNonEvidence && !filter.Passes(value(filter.Field), hasColumn(filter.Field)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The fields that identify the person a row is about, strongest first (the ID, then the name…).</summary>
    public required IReadOnlyList<string> Identity { get; init; }

    /// <summary>
    /// The field of type name in <see cref="Identity"/>: the name of the person a row is about (<c>name</c>, or
    /// <c>owner_name</c> where the department calls the person the owner). Records' names are read from it.
    /// </summary>
    public string PersonName { get; init; } = "name";

    /// <summary>The file the declaration was read from, for messages.</summary>
    public string File { get; init; } = "";

    /// <summary>The field that says when the person of a row died (<c>meaning: death-date</c>), or null.</summary>
    public FieldDeclaration? DeathDate => Fields.FirstOrDefault(f => f.Meaning == FieldMeanings.DeathDate);

    /// <summary>The declared field called <paramref name="name"/>, or null.</summary>
    public FieldDeclaration? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }
        return null;
    }

    /// <summary>
    /// Every header requirement a file of the source must meet, in declared order: each required field alone, then
    /// the groups of <see cref="RequiredOneOf"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> HeaderRequirements =>
        [.. Fields.Where(f => f.Required).Select(f => (IReadOnlyList<string>)[f.Name]), .. RequiredOneOf];
}
