using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Storage.Loading;

/// <summary>
/// A month's set as lines of text, every value of every record in order (amounts with their scale, IDs with their
/// problem), so that two sets compare exactly and a difference shows as the lines that differ.
/// </summary>
public static class ExtractSetDescription
{
    public static List<string> Describe(ExtractSet set)
    {
        var lines = new List<string>();
        lines.AddRange(set.Roster.Select(r => r.ToString()));
        lines.AddRange(set.Monitoring.Select(r => r.ToString()));
        lines.AddRange(set.Deaths.Select(r => $"{r} kind={r.Kind.Id}"));
        lines.AddRange(set.Medical.Select(r => r.ToString()));
        lines.AddRange(set.Disability.Select(r => r.ToString()));
        lines.AddRange(set.Extracts.OrderBy(e => e.Key).Select(e => e.Value.ToString()));
        foreach (var (source, table) in set.Declared.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            lines.Add($"{source}: {table.Count} rows, fields {string.Join(",", table.PresentFields.Order(StringComparer.Ordinal))}");
            for (var i = 0; i < table.Count; i++)
            {
                var values = table.Declaration.Fields.Select(f => Text(table.Value(f.Name, i)));
                lines.Add($"{source} {table.ExtractIds[i]}:{table.Rows[i]} {table.Names[i]} {table.Ids[i]} {string.Join("|", values)}");
            }
        }
        return lines;
    }

    /// <summary>Asserts that the set evaluated from memory is the one loaded from PostgreSQL, line by line.</summary>
    public static void AssertSame(ExtractSet stored, ExtractSet fromMemory)
    {
        var expected = Describe(stored);
        var actual = Describe(fromMemory);
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(first < 0 && expected.Count == actual.Count,
            first < 0 ? $"{actual.Count} lines from memory, {expected.Count} from storage" : $"line {first}: stored\n{expected[first]}\nfrom memory\n{actual[first]}");
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
