namespace ReliefMatch.Readers.Headers;

/// <summary>
/// Which column holds each field of one file, resolved once from its header row so that reading a row is
/// indexing, not looking up names.
/// </summary>
internal sealed class ColumnMap
{
    private readonly int[] columns = new int[ExtractFields.Count];
    private readonly int[] preferences = new int[ExtractFields.Count];
    private readonly List<int[]> duplicates = [];

    public ColumnMap(SourceLayout layout, IReadOnlyList<string> cells)
    {
        Layout = layout;
        Cells = cells;
        Array.Fill(columns, -1);
    }

    public SourceLayout Layout { get; }

    /// <summary>The header row's cells as read.</summary>
    public IReadOnlyList<string> Cells { get; }

    /// <summary>The 0-based column of the field, or -1 when the file has no such column.</summary>
    public int this[ExtractField field] => columns[(int)field];

    public bool Has(ExtractField field) => columns[(int)field] >= 0;

    /// <summary>The header of the field's column as the file spells it (for rejection reports).</summary>
    public string Header(ExtractField field)
    {
        var c = columns[(int)field];
        return c >= 0 ? Cells[c].Trim() : Layout.Fields.TryGetValue(field, out var spellings) ? spellings[0] : field.Id();
    }

    /// <summary>How many distinct fields the row names: the measure of how well a row fits a source.</summary>
    public int FieldsFound { get; private set; }

    /// <summary>
    /// The columns that repeat the header of a field, each group in column order (<c>身份证号</c> in columns 2 and
    /// 5); empty when no header of a field stands twice. Unknown columns may repeat: they are not read.
    /// </summary>
    public IReadOnlyList<int[]> Duplicates => duplicates;

    /// <summary>The requirements that the row does not meet; empty for a header row of the source.</summary>
    public IReadOnlyList<ExtractField[]> Missing => Layout.Requirements.Where(r => !Array.Exists(r, Has)).ToList();

    public bool IsHeader => Layout.Requirements.All(r => Array.Exists(r, Has));

    /// <summary>
    /// A second column for the same field (e.g. both 结算日期 and 出院日期) loses to the spelling the contract
    /// lists first; between equal spellings the leftmost wins.
    /// </summary>
    internal void Offer(ExtractField field, int column, int preference)
    {
        var i = (int)field;
        if (columns[i] < 0)
        {
            FieldsFound++;
        }
        else if (HeaderText.Normalise(Cells[columns[i]]) == HeaderText.Normalise(Cells[column]))
        {
            NoteDuplicate(columns[i], column);
            return;
        }
        else if (preferences[i] <= preference)
        {
            return;
        }
        columns[i] = column;
        preferences[i] = preference;
    }

    private void NoteDuplicate(int first, int again)
    {
        var group = duplicates.FindIndex(d => d[0] == first);
        if (group < 0)
        {
            duplicates.Add([first, again]);
        }
        else
        {
            duplicates[group] = [.. duplicates[group], again];
        }
    }
}
