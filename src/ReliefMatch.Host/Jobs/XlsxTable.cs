using System.Globalization;
using ReliefMatch.Host.Outputs;

namespace ReliefMatch.Host.Jobs;

/// <summary>Writes a header row and rows of text cells into a sheet, the first column (序号) as a number.</summary>
internal static class XlsxTable
{
    public static void Write(XlsxSheet sheet, int headerRow, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Text(headerRow, c + 1, headers[c], XlsxStyle.Header);
        }
        var rowIndex = headerRow;
        foreach (var cells in rows)
        {
            rowIndex++;
            sheet.Number(rowIndex, 1, long.Parse(cells[0], CultureInfo.InvariantCulture));
            for (var c = 1; c < cells.Count; c++)
            {
                if (cells[c].Length == 0)
                {
                    sheet.Blank(rowIndex, c + 1);
                }
                else
                {
                    sheet.Text(rowIndex, c + 1, cells[c]);
                }
            }
            sheet.FitHeight(rowIndex);
        }
    }
}
