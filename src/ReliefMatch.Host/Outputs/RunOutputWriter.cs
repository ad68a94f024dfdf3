using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>
/// Writes every output of a monthly run into the output folder: <c>findings.csv</c>, <c>stats.json</c>,
/// <c>imports.json</c>, <c>统计表-&lt;period&gt;.xlsx</c>, and <c>worklists/&lt;乡镇&gt;.xlsx</c> and <c>.csv</c>
/// for every township. The same request always gives the same bytes.
/// </summary>
public static class RunOutputWriter
{
    public const string WorklistFolder = "worklists";

    public static RunOutputs Write(RunOutputRequest request)
    {
        var period = request.Period;
        var statistics = DataWarningStatistics.Count(period, request.Findings, request.HomeTownships);
        var files = new List<string>();

        void WriteFile(string relative, Action<Stream> write)
        {
            var path = Path.Combine(request.OutputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }
            files.Add(relative.Replace(Path.DirectorySeparatorChar, '/'));
        }

        WriteFile("findings.csv", s => FindingsCsvWriter.Write(s, request.Findings));
        WriteFile("stats.json", s => StatsJsonWriter.Write(s, statistics));
        WriteFile("imports.json", s => ImportsJsonWriter.Write(s, request.Imports));
        WriteFile($"统计表-{period}.xlsx", s => StatisticsSheetWriter.Write(s, statistics, request.CountyName));

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var worklist in Worklist.Build(request.CountyName, period, request.Findings, request.HomeTownships, request.FullIds))
        {
            // Two township names that only a forbidden character or case tells apart must not overwrite each other.
            var name = OutputNames.File(worklist.Township);
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{OutputNames.File(worklist.Township)}({n})";
            }
            WriteFile(Path.Combine(WorklistFolder, name + ".xlsx"), s => WorklistXlsxWriter.Write(s, worklist));
            WriteFile(Path.Combine(WorklistFolder, name + ".csv"), s => WorklistCsvWriter.Write(s, worklist));
        }
        return new RunOutputs(statistics, files);
    }
}
