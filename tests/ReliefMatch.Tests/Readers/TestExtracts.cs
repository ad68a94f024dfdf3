using System.Text;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Readers;

/// <summary>Writes small extract files into a folder of its own and reads them back.</summary>
public sealed class TestExtracts : IDisposable
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
    private int counter;

    static TestExtracts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public TestExtracts() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "reliefmatch-readers-" + Guid.NewGuid().ToString("N"));

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Writes lines joined by LF (no BOM, UTF-8 unless told otherwise).</summary>
    public string Csv(IEnumerable<string> lines, Encoding? encoding = null, bool bom = false, string newline = "\n") =>
        Write(string.Join(newline, lines) + newline, encoding, bom);

    public string Csv(params string[] lines) => Csv((IEnumerable<string>)lines);

    public string Write(string text, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? Utf8NoBom).GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }
        return WriteBytes(bytes, ".csv");
    }

    public string WriteBytes(byte[] bytes, string extension)
    {
        var path = Path.Combine(Folder, $"extract{Interlocked.Increment(ref counter)}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string NewPath(string extension) => Path.Combine(Folder, $"extract{Interlocked.Increment(ref counter)}{extension}");

    /// <summary>
    /// The installation the reader tests read for: 永福县 (450326), the sample's county, passed explicitly as every
    /// production caller passes its installation's county.
    /// </summary>
    public static ExtractReaderOptions Options { get; } = new() { HomeCountyCode = "450326", HomeCountyName = "永福县" };

    /// <summary>Opens and reads every record; the reading is returned disposed, with its counts.</summary>
    public static (ExtractReading Reading, List<ExtractRecord> Records) ReadAll(string path, SourceKind source, ExtractReaderOptions? options = null)
    {
        using var reading = ExtractReader.Open(path, source, options ?? Options);
        var records = reading.Records().ToList();
        Assert.Equal(reading.RowsRead, reading.Accepted + reading.Rejected + reading.Skipped);
        Assert.Equal(reading.Rejected, reading.Rejects.Count);
        return (reading, records);
    }

    public static List<T> ReadAll<T>(string path, SourceKind source)
        where T : ExtractRecord => ReadAll(path, source).Records.Cast<T>().ToList();

    /// <summary>
    /// A reason an officer reads is Chinese only: no English words beside it (file names, encodings and sizes such as
    /// <c>UTF-8</c>, <c>.xlsx</c> or <c>xl/sharedStrings.xml</c> may stand in it).
    /// </summary>
    public static void AssertChinese(string reason)
    {
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", reason);
        Assert.DoesNotMatch(@"(?i)\b(the|is|not|of|or|and|in|a|an|at|on|by|over|column|columns|row|rows|line|file|limit|found|empty|none|required|bytes)\b", reason);
    }

    /// <summary>The path of a committed fixture under Fixtures/Readers.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Readers", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test's path must not hide the failure.
        }
    }
}
