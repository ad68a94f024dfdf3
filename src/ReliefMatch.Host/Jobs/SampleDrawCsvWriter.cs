using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>A month's sample as CSV (UTF-8 with BOM, CRLF, cells made inert): header row, then one row per household drawn.</summary>
public static class SampleDrawCsvWriter
{
    public static void Write(Stream output, IReadOnlyList<StoredSampleDraw> draws, bool fullIds = false)
    {
        ArgumentNullException.ThrowIfNull(draws);
        CsvOutput.Write(output, SampleDrawTable.Headers, SampleDrawTable.Rows(draws, fullIds));
    }
}
