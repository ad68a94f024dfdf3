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
        var statistics = request.Statistics ?? SheetStatistics.Compute(new StatisticsInput
        {
            Period = period,
            HomeCountyCode = request.County.Code,
            HomeTownships = request.HomeTownships,
            Findings = request.Findings,
        });
        var files = new List<string>();

        void WriteFile(string relative, Action<Stream> write)
        {
            WriteOutput(request.OutputDirectory, relative, write);
            files.Add(relative.Replace(Path.DirectorySeparatorChar, '/'));
        }

        // findings.csv and the sheets of counts are written while the worklists are put together: independent work.
        IReadOnlyList<Worklist> worklists = [];
        Parallel.Invoke(
            () =>
            {
                WriteFile("findings.csv", s => FindingsCsvWriter.Write(s, request.Findings));
                WriteFile("stats.json", s => StatsJsonWriter.Write(s, statistics));
                WriteFile("imports.json", s => ImportsJsonWriter.Write(s, request.Imports, alreadyImported: false, request.FullIds, request.Checks));
                WriteFile($"统计表-{period}.xlsx", s => StatisticsSheetWriter.Write(s, statistics, request.County.Name));
            },
            () => worklists = Worklist.Build(request.County.Name, period, request.Findings, request.HomeTownships, request.FullIds));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var worklistNames = new string[worklists.Count];
        for (var i = 0; i < worklists.Count; i++)
        {
            // Two township names that only a forbidden character or case tells apart must not overwrite each other.
            var name = OutputNames.File(worklists[i].Township);
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{OutputNames.File(worklists[i].Township)}({n})";
            }
            worklistNames[i] = Path.Combine(WorklistFolder, name);
        }

        // Each township's files depend on its worklist alone, so two are written at a time; the file list is
        // put together in township order afterwards, so it does not depend on which finished first.
        Parallel.For(0, worklists.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            WriteOutput(request.OutputDirectory, worklistNames[i] + ".xlsx", s => WorklistXlsxWriter.Write(s, worklists[i]));
            WriteOutput(request.OutputDirectory, worklistNames[i] + ".csv", s => WorklistCsvWriter.Write(s, worklists[i]));
        });
        foreach (var name in worklistNames)
        {
            files.Add((name + ".xlsx").Replace(Path.DirectorySeparatorChar, '/'));
            files.Add((name + ".csv").Replace(Path.DirectorySeparatorChar, '/'));
        }
        return new RunOutputs(statistics, files);
    }

    private static void WriteOutput(string directory, string relative, Action<Stream> write)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        write(stream);
    }
}
