using System.Reflection;
using System.Text.RegularExpressions;

namespace ReliefMatch.Storage.Migrations;

/// <summary>One embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>The migrations shipped in this assembly, by version.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>The schema version this code writes.</summary>
    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    private static List<Migration> Load()
    {
        var assembly = typeof(Migration).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = FileName().Match(resource);
            if (!m.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Version == list[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have version {list[i].Version}: {list[i - 1].Name} and {list[i].Name}.");
            }
        }
        return list;
    }

    [GeneratedRegex(@"(\d{4})_([A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
