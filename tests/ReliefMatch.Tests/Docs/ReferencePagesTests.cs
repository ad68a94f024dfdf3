using System.Text.RegularExpressions;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Tests.Docs;

/// <summary>
/// The reference pages of <c>docs/</c> are what the code cites: every page a comment names ships in the repository,
/// no comment names a document that does not, and the field tables of docs/sources.md list every header spelling the
/// readers accept.
/// </summary>
public sealed partial class ReferencePagesTests
{
    private static readonly string[] Folders = ["src", "tests", "benchmarks", "rules"];
    private static readonly string[] Extensions = [".cs", ".sql", ".yaml", ".yml", ".md", ".csproj", ".props"];

    [GeneratedRegex(@"docs/[A-Za-z0-9_-]+\.md")]
    private static partial Regex DocsPage();

    /// <summary>The contract documents kept outside the repository, which a reader of the code cannot open.</summary>
    [GeneratedRegex(@"\b(DATA-CONTRACT|RULES|STATISTICS|DOMAIN|STYLE)\.md\b|shared[/]docs")]
    private static partial Regex OutsideDocument();

    private static IEnumerable<(string File, int Line, string Text)> SourceLines() =>
        from folder in Folders
        from file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories)
        let relative = Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/')
        where Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
              && !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal)
        from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
        select (relative, line.Number, line.Text);

    [Fact]
    public void Sources_CitedDocsPages_AllShip()
    {
        var cited = SourceLines().SelectMany(l => DocsPage().Matches(l.Text).Select(m => (l.File, l.Line, Page: m.Value))).ToList();

        Assert.NotEmpty(cited);
        Assert.Empty(cited.Where(c => !File.Exists(Path.Combine(RepositoryRoot.Path, c.Page))).Select(c => $"{c.File}:{c.Line} cites {c.Page}"));
    }

    [Fact]
    public void Sources_CiteNoDocumentOutsideTheRepository()
    {
        var outside = SourceLines().Where(l => OutsideDocument().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");

        Assert.Empty(outside);
    }

    [Fact]
    public void Readme_LinksEveryReferencePage()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        foreach (var page in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md"))
        {
            Assert.Contains($"](docs/{Path.GetFileName(page)})", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SourcesPage_EveryFieldWithEveryHeaderSpellingTheReadersAccept()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "sources.md"));
        var roster = Section(page, SourceKind.Roster);
        foreach (var layout in SourceLayout.All)
        {
            var section = Section(page, layout.Source.Kind!.Value);
            foreach (var (field, headers) in layout.Fields)
            {
                var row = Row(section, field.Id()) ?? throw new Xunit.Sdk.XunitException($"docs/sources.md, {layout.Source.Id}: no row for {field.Id()}");
                if (row.Contains("as in the roster", StringComparison.Ordinal))
                {
                    row = Row(roster, field.Id())!;
                }
                foreach (var header in headers)
                {
                    Assert.True(row.Contains($"`{header}`", StringComparison.Ordinal), $"docs/sources.md, {layout.Source.Id}.{field.Id()}: header {header} not listed");
                }
            }
        }
    }

    private static string Section(string page, SourceKind source)
    {
        var start = page.IndexOf($"### `{source.Id()}`", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/sources.md has no section for {source.Id()}");
        var end = page.IndexOf("\n#", start + 4, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string? Row(string section, string field) =>
        section.Split('\n').FirstOrDefault(l => l.StartsWith($"| {field} |", StringComparison.Ordinal));
}
