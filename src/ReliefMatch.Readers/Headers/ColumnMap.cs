namespace ReliefMatch.Readers.Headers;

/// <summary>
/// Which column holds each field of one file, resolved once from its header row so that reading a row is
/// indexing, not looking up names. Fields are slots of the <see cref="SourceLayout"/>.
/// </summary>
internal sealed class ColumnMap
{
    private readonly int[] columns;
    private readonly int[] preferences;
    private readonly bool[] tenThousand;
    private readonly List<int[]> duplicates = [];

    public ColumnMap(SourceLayout layout, IReadOnlyList<string> cells)
    {
        Layout = layout;
        Cells = cells;
        columns = new int[layout.Slots];
        preferences = new int[layout.Slots];
        tenThousand = new bool[layout.Slots];
        Array.Fill(columns, -1);
    }

    public SourceLayout Layout { get; }

    /// <summary>The header row's cells as read.</summary>
    public IReadOnlyList<string> Cells { get; }

    /// <summary>The 0-based column of the field, or -1 when the file has no such column.</summary>
    public int this[ExtractField field] => columns[(int)field];

    /// <summary>The 0-based column of the slot's field, or -1 when the file has no such column.</summary>
    public int this[int slot] => columns[slot];

    public bool Has(ExtractField field) => columns[(int)field] >= 0;

    public bool Has(int slot) => columns[slot] >= 0;

    /// <summary>Whether the slot's column header said 万元: its amounts are multiplied by 10 000.</summary>
    public bool IsTenThousand(int slot) => tenThousand[slot];

    /// <summary>The header of the field's column as the file spells it (for rejection reports).</summary>
    public string Header(ExtractField field) => Header((int)field);

    /// <summary>The header of the slot's column as the file spells it, else the declaration's first spelling.</summary>
    public string Header(int slot)
    {
        var c = columns[slot];
        return c >= 0 ? Cells[c].Trim() : Layout.SlotHeaders[slot] is { } spellings ? spellings[0] : Layout.SlotNames[slot];
    }

    /// <summary>How many distinct fields the row names: the measure of how well a row fits a source.</summary>
    public int FieldsFound { get; private set; }

    /// <summary>
    /// The columns that repeat the header of a field, each group in column order (<c>身份证号</c> in columns 2 and
    /// 5); empty when no header of a field stands twice. Unknown columns may repeat: they are not read.
    /// </summary>
    public IReadOnlyList<int[]> Duplicates => duplicates;

    /// <summary>The requirements (slots) that the row does not meet; empty for a header row of the source.</summary>
    public IReadOnlyList<int[]> Missing => Layout.SlotRequirements.Where(r => !Array.Exists(r, Has)).ToList();

    public bool IsHeader => Layout.SlotRequirements.All(r => Array.Exists(r, Has));

    /// <summary>
    /// A second column for the same field (e.g. both 结算日期 and 出院日期) loses to the spelling the contract
    /// lists first; between equal spellings the leftmost wins.
    /// </summary>
    internal void Offer(int slot, int column, int preference, bool inTenThousands)
    {
        if (columns[slot] < 0)
        {
            FieldsFound++;
        }
        else if (HeaderText.Normalise(Cells[columns[slot]]) == HeaderText.Normalise(Cells[column]))
        {
            NoteDuplicate(columns[slot], column);
            return;
        }
        else if (preferences[slot] <= preference)
        {
            return;
        }
        columns[slot] = column;
        preferences[slot] = preference;
        tenThousand[slot] = inTenThousands;
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
