using System.Globalization;
using CsvHelper;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// The one CSV dialect of the outputs: UTF-8 with a BOM (so that Excel on a Chinese Windows opens it right),
/// RFC 4180 quoting, CRLF line ends whatever the platform, invariant culture, and every cell made inert.
/// </summary>
internal static class CsvOutput
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        // Cells are neutralised by CellText.Inert so that CSV and XLSX outputs do it the same way.
        Injection = CsvInjection.None,
    };

    /// <summary>Writes a header and the records; every record must have as many cells as the header.</summary>
    public static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> records)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        WriteRecord(csv, header);
        foreach (var record in records)
        {
            WriteRecord(csv, record);
        }
        csv.Flush();
    }

    private static void WriteRecord(CsvWriter csv, IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(CellText.Inert(cell));
        }
        csv.EndRecord();
    }
}
