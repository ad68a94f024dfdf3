namespace ReliefMatch.Readers.Headers;

/// <summary>
/// The form in which a header cell is compared with the spellings of docs/sources.md: spaces and line breaks
/// removed, full-width ASCII (<c>（）</c>) folded, and a trailing money unit such as <c>(元)</c> dropped.
/// </summary>
internal static class HeaderText
{
    /// <summary>Units that say how an amount is written without changing what the column is.</summary>
    /// <remarks><c>(万元)</c> is deliberately absent: it scales the values, so such a column is not the same field.</remarks>
    private static readonly string[] UnitSuffixes = ["(元)", "(单位:元)", "(人民币元)", "(元/月)", "(元/年)", "(元/人)", "(元/人/年)", "(元/人·年)"];

    public static string Normalise(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }
        var sb = new System.Text.StringBuilder(cell.Length);
        foreach (var c0 in cell)
        {
            if (char.IsWhiteSpace(c0) || c0 is '\u200B' or '\uFEFF')
            {
                continue;
            }
            sb.Append(Values.TextFolding.Fold(c0));
        }
        var text = sb.ToString();
        foreach (var unit in UnitSuffixes)
        {
            if (text.Length > unit.Length && text.EndsWith(unit, StringComparison.Ordinal))
            {
                return text[..^unit.Length];
            }
        }
        return text;
    }
}
