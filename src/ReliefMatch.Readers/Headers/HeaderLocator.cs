using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Readers.Headers;

/// <summary>
/// Finds the header row: the first row within the first <see cref="SearchRows"/> rows (of the first worksheet
/// that has one) whose cells name every required field of the source. Title rows above it are passed over.
/// </summary>
internal static class HeaderLocator
{
    public const int SearchRows = 10;

    /// <summary>The first rows of the current sheet, as trimmed strings.</summary>
    public static List<HeadRow> ReadHead(TableSource table)
    {
        var rows = new List<HeadRow>(SearchRows);
        while (rows.Count < SearchRows && table.Read())
        {
            var cells = new string[table.FieldCount];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = table.String(c);
            }
            rows.Add(new HeadRow(rows.Count, table.Row, cells));
        }
        return rows;
    }

    /// <summary>Searches every sheet in turn; leaves the table positioned on the first data row when found.</summary>
    public static HeaderSearch Find(TableSource table, SourceLayout layout)
    {
        HeaderSearch? closest = null;
        do
        {
            var rows = ReadHead(table);
            foreach (var head in rows)
            {
                var map = layout.Match(head.Cells);
                var candidate = new HeaderSearch(map, head.Row, NonEmpty(head.Cells));
                if (map.IsHeader)
                {
                    table.Rewind(head.Index + 1);
                    return candidate with { Title = TitleOf(rows, head.Index) };
                }
                if (closest is null || candidate.IsCloserThan(closest))
                {
                    closest = candidate;
                }
            }
        }
        while (table.NextSheet());
        return closest ?? new HeaderSearch(layout.Match([]), 0, 0);
    }

    /// <summary>The non-empty cells of the rows above the header row (a title such as <c>永福县2023年7月城乡低保在保对象花名册</c>), one line per row.</summary>
    private static string TitleOf(List<HeadRow> rows, int headerIndex) =>
        string.Join("\n", rows.Take(headerIndex).Select(r => string.Join(" ", r.Cells.Where(c => c.Length > 0))).Where(line => line.Length > 0));

    private static int NonEmpty(string[] cells)
    {
        var n = 0;
        foreach (var c in cells)
        {
            if (c.Length > 0)
            {
                n++;
            }
        }
        return n;
    }
}
