namespace ReliefMatch.Tests.SampleData;

/// <summary>Reads the generator's plain CSV, which by design never needs quotes: a header and comma-split rows.</summary>
internal static class PlainCsv
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        var lines = File.ReadAllLines(path, new System.Text.UTF8Encoding(false, true));
        var header = lines[0].Split(',');
        var rows = new List<Dictionary<string, string>>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{path}: a row with {cells.Length} cells under {header.Length} headers: {line}");
            }
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = cells[i];
            }
            rows.Add(row);
        }
        return (header, rows);
    }

    public static IEnumerable<Dictionary<string, string>> Rows(string folder, string source) =>
        Directory.EnumerateFiles(Path.Combine(folder, source), "*.csv").OrderBy(f => f, StringComparer.Ordinal).SelectMany(f => Read(f).Rows);
}
