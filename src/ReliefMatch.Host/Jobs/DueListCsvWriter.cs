using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>A due list as CSV (UTF-8 with BOM, CRLF, cells made inert): header row, then one row per household.</summary>
public static class DueListCsvWriter
{
    public static void Write(Stream output, StoredDueList list, bool fullIds = false)
    {
        ArgumentNullException.ThrowIfNull(list);
        CsvOutput.Write(output, DueListTable.Headers, DueListTable.Rows(list, fullIds));
    }
}
