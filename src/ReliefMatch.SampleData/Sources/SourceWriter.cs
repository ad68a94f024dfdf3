using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// Writes the files of one source (or one part of a source) from the population. Data comes from its own
/// random stream and style (spellings, forms, stray characters) from another, which plain output never draws
/// from: the plain and the messy files of one seed hold the same records.
/// </summary>
internal abstract class SourceWriter
{
    private readonly List<SampleFile> _files = [];
    private readonly string _outDir;
    private SampleRandom _style;

    protected SourceWriter(SamplePopulation population, string outDir, SourceKind source, ulong stream)
        : this(population, outDir, source.Id(), stream)
    {
    }

    /// <param name="source">The id of the source, which names its folder.</param>
    protected SourceWriter(SamplePopulation population, string outDir, string source, ulong stream)
    {
        Population = population;
        _outDir = outDir;
        Source = source;
        Plain = population.Options.Plain;
        Data = new SampleRandom(population.Seed, stream);
        _style = new SampleRandom(population.Seed, stream + 0x5151);
    }

    /// <summary>The source's id: its folder's name.</summary>
    public string Source { get; }

    public IReadOnlyList<SampleFile> Files => _files;

    /// <summary>Rows this writer expects to write: the biggest writers are started first.</summary>
    public abstract long ExpectedRows { get; }

    protected SamplePopulation Population { get; }

    protected bool Plain { get; }

    /// <summary>The stream of data choices.</summary>
    protected SampleRandom Data;

    /// <summary>The stream of presentation choices (messy output only).</summary>
    protected ref SampleRandom Style => ref _style;

    public abstract void Write();

    /// <summary>2023年7月 for titles and file names.</summary>
    protected string ChineseMonth => $"{Population.Period.Year}年{Population.Period.Month}月";

    /// <summary>202307 for file names.</summary>
    protected string CompactMonth => $"{Population.Period.Year:D4}{Population.Period.Month:D2}";

    /// <summary>The day the department exported the file: a few days after the month.</summary>
    protected DateOnly ExportDay => Population.End.AddDays(3);

    protected ExtractSink OpenCsv(string fileName, FileFormat format) =>
        new CsvExtractSink(PathOf(fileName), format);

    protected ExtractSink OpenXlsx(string fileName, string sheetName, IReadOnlyList<string> headers)
    {
        // Width from the header text: Chinese characters count double.
        var widths = headers.Select(h =>
        {
            var line = h.Split('\n').Max(part => part.Sum(c => c > 0x2E80 ? 2 : 1));
            return (double)Math.Clamp(line + 2, 6, 24);
        }).ToArray();
        var stamp = ExportDay.ToDateTime(new TimeOnly(9, 30));
        return new XlsxExtractSink(PathOf(fileName), sheetName, widths, stamp);
    }

    /// <summary>Finishes the file and records it.</summary>
    protected void Close(ExtractSink sink)
    {
        sink.Finish();
        var relative = System.IO.Path.GetRelativePath(_outDir, sink.Path).Replace('\\', '/');
        var format = sink.Format switch
        {
            FileFormat.CsvUtf8 => "CSV UTF-8",
            FileFormat.CsvUtf8Bom => "CSV UTF-8 (BOM)",
            FileFormat.CsvGb18030 => "CSV GB18030",
            _ => "XLSX",
        };
        _files.Add(new SampleFile(Source, relative, format, sink.DataRows, sink.Bytes));
        sink.Dispose();
    }

    /// <summary>A footer row: 合计 in the first column, the given cells under their columns.</summary>
    protected static void Footer(ExtractSink sink, int columns, Func<int, Action?> cellAt)
    {
        sink.BeginFooterRow();
        for (var c = 0; c < columns; c++)
        {
            var cell = cellAt(c);
            if (cell is null)
            {
                sink.Empty();
            }
            else
            {
                cell();
            }
        }
        sink.EndRow();
    }

    private string PathOf(string fileName)
    {
        var folder = System.IO.Path.Combine(_outDir, Source);
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }
}
