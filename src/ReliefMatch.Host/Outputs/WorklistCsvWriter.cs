namespace ReliefMatch.Host.Outputs;

/// <summary><c>worklists/&lt;乡镇&gt;.csv</c>: the worklist as a plain table (header row, then one row per finding; no title).</summary>
public static class WorklistCsvWriter
{
    public static void Write(Stream output, Worklist worklist) =>
        CsvOutput.Write(output, Worklist.Headers, worklist.Rows.Select(Worklist.Cells));
}
