namespace ReliefMatch.Readers.Headers;

/// <summary>The header row found, or the row that came closest (for the refusal message).</summary>
internal sealed record HeaderSearch(ColumnMap Map, int Row, int NonEmptyCells)
{
    public bool Found => Map.IsHeader;

    /// <summary>What the rows above the header row say (empty when none): the title a file's month may be read from.</summary>
    public string Title { get; init; } = "";

    /// <summary>The non-empty cells of the row, as read.</summary>
    public IReadOnlyList<string> FoundHeaders => Map.Cells.Where(c => c.Length > 0).ToList();

    public bool IsCloserThan(HeaderSearch other) =>
        Map.FieldsFound > other.Map.FieldsFound
        || Map.FieldsFound == other.Map.FieldsFound && NonEmptyCells > other.NonEmptyCells;
}
