using System.Globalization;
using System.Text;

namespace ReliefMatch.Spreadsheets;

/// <summary>Cell references as a worksheet spells them (<c>A1</c>, <c>AB12</c>), 1-based.</summary>
public static class XlsxReference
{
    /// <summary>The reference of the cell at <paramref name="row"/> and <paramref name="column"/>, e.g. <c>C7</c>.</summary>
    public static string Of(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The letters of a 1-based column: 1 is A, 27 is AA.</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name.Insert(0, (char)('A' + (c - 1) % 26));
        }
        return name.ToString();
    }
}
