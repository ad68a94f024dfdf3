using System.Text;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Host.Docs;

/// <summary>
/// Keeps the field and header tables of <c>docs/sources.md</c> true to the source declarations: each table sits in a
/// generated block between marker comments, rewritten from the declaration it names; the prose around the blocks is
/// left as written. A declared source that has no block of its own gets a section in the block of further sources,
/// so that a new declaration is documented by regenerating the page.
/// </summary>
/// <remarks>
/// The page is markdown for people, the markers are HTML comments (invisible when rendered):
/// <c>&lt;!-- generated from rules/sources/ID.yaml … --&gt;</c> … <c>&lt;!-- end of generated table --&gt;</c>, and
/// <c>&lt;!-- generated from rules/sources/*.yaml … --&gt;</c> … <c>&lt;!-- end of generated sources --&gt;</c>.
/// </remarks>
public static partial class SourcesPage
{
    private const string EndOfTable = "<!-- end of generated table -->";
    private const string FurtherSourcesStart = "<!-- generated from rules/sources/*.yaml (reliefmatch docs): the declared sources without a section above -->";
    private const string EndOfFurtherSources = "<!-- end of generated sources -->";

    [GeneratedRegex(@"^<!-- generated from rules/sources/(?<id>[a-z0-9]+(-[a-z0-9]+)*)\.yaml\b.*-->$", RegexOptions.CultureInvariant)]
    private static partial Regex TableStart();

    /// <summary>The start marker of the block that holds the table of source <paramref name="id"/>.</summary>
    public static string TableMarker(string id) =>
        $"<!-- generated from rules/sources/{id}.yaml (reliefmatch docs): edit the declaration, not this table -->";

    /// <summary>
    /// The page with every generated block rewritten from <paramref name="catalog"/>; text outside the blocks is kept
    /// byte for byte.
    /// </summary>
    /// <param name="page">The page's text.</param>
    /// <param name="pageName">The page's name, for messages.</param>
    /// <param name="catalog">The declarations.</param>
    /// <exception cref="FormatException">
    /// A block is not closed, names a source no declaration declares, or appears twice; or the page has no block of
    /// further sources while a declared source has no block of its own.
    /// </exception>
    public static string Rewrite(string page, string pageName, SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(catalog);
        var newline = page.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = page.Split(newline);
        var documented = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (TableStart().Match(lines[i].Trim()) is { Success: true } match)
            {
                var id = match.Groups["id"].Value;
                if (catalog.Find(id) is null)
                {
                    throw new FormatException($"{pageName} line {i + 1}: a generated table of source '{id}', which no declaration declares (rules/sources/{id}.yaml); remove the block or add the declaration.");
                }
                if (!documented.Add(id))
                {
                    throw new FormatException($"{pageName} line {i + 1}: a second generated table of source '{id}'.");
                }
                EndOf(lines, i, EndOfTable, pageName);
            }
        }

        var further = catalog.Sources.Where(s => !documented.Contains(s.Id)).ToList();
        var output = new StringBuilder(page.Length);
        var hasFurtherBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            string? block = null;
            var endMarker = EndOfTable;
            if (TableStart().Match(line.Trim()) is { Success: true } match)
            {
                block = Table(catalog.Find(match.Groups["id"].Value)!, newline);
            }
            else if (line.Trim() == FurtherSourcesStart)
            {
                hasFurtherBlock = true;
                block = FurtherSources(further, newline);
                endMarker = EndOfFurtherSources;
            }
            if (block is null)
            {
                output.Append(line);
                if (i < lines.Length - 1)
                {
                    output.Append(newline);
                }
                continue;
            }
            var end = EndOf(lines, i, endMarker, pageName);
            output.Append(line).Append(newline).Append(block).Append(lines[end]);
            if (end < lines.Length - 1)
            {
                output.Append(newline);
            }
            i = end;
        }
        if (!hasFurtherBlock && further.Count > 0)
        {
            throw new FormatException(
                $"{pageName} has no block for the declared sources without a table ({string.Join(", ", further.Select(s => s.Id))}): add the lines " +
                $"'{FurtherSourcesStart}' and '{EndOfFurtherSources}' where they should go.");
        }
        return output.ToString();
    }

    private static int EndOf(string[] lines, int start, string endMarker, string pageName)
    {
        for (var j = start + 1; j < lines.Length; j++)
        {
            var trimmed = lines[j].Trim();
            if (trimmed == endMarker)
            {
                return j;
            }
            if (TableStart().IsMatch(trimmed) || trimmed == FurtherSourcesStart)
            {
                break;
            }
        }
        throw new FormatException($"{pageName} line {start + 1}: the generated block is not closed by '{endMarker}' before the next block or the end of the page.");
    }

    private static string FurtherSources(IReadOnlyList<SourceDeclaration> sources, string newline)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            text.Append(newline)
                .Append("### `").Append(source.Id).Append("` — ").Append(source.Department).Append(' ').Append(source.ChineseName)
                .Append(" (").Append(source.EnglishName).Append(')').Append(newline)
                .Append(newline)
                .Append(Table(source, newline));
        }
        if (sources.Count > 0)
        {
            text.Append(newline);
        }
        return text.ToString();
    }

    /// <summary>One source's block: where it is declared and how a month sees it, the field table, then what else a file needs and which rows are filtered.</summary>
    internal static string Table(SourceDeclaration source, string newline)
    {
        var text = new StringBuilder();
        text.Append("Declared in `rules/sources/").Append(source.Id).Append(".yaml` (").Append(source.Department).Append(", ").Append(source.ChineseName)
            .Append("). ").Append(Policy(source)).Append(" A person is identified by ").Append(Names(source.Identity, ", ")).Append('.').Append(newline)
            .Append(newline)
            .Append("| field | type | required | headers |").Append(newline)
            .Append("| --- | --- | --- | --- |").Append(newline);
        foreach (var field in source.Fields)
        {
            text.Append("| ").Append(field.Name)
                .Append(" | ").Append(Type(field))
                .Append(" | ").Append(field.Required ? "yes" : "no")
                .Append(" | ").Append(string.Join(", ", field.Headers.Select(h => Code(h))))
                .Append(" |").Append(newline);
        }
        if (source.RequiredOneOf.Count > 0 || source.Filters.Count > 0)
        {
            text.Append(newline);
        }
        foreach (var group in source.RequiredOneOf)
        {
            text.Append("- A file must have a column of ").Append(Names(group, " or ")).Append('.').Append(newline);
        }
        foreach (var filter in source.Filters)
        {
            text.Append("- A row whose ").Append(filter.Field).Append(" is none of ").Append(string.Join(", ", filter.Keep.Select(k => Code(k))))
                .Append(filter.Otherwise == RowFilterEffect.Skip ? " is skipped (counted in the import report, not stored)" : " is stored but is evidence for no rule")
                .Append("; in a file without the column ").Append(filter.KeepWhenAbsent ? "every row passes" : "no row passes").Append('.').Append(newline);
        }
        return text.ToString();
    }

    private static string Policy(SourceDeclaration source) => source.Policy switch
    {
        SourcePolicy.Snapshot => "A **snapshot**: month P sees the extracts of the latest period ≤ P that has any.",
        SourcePolicy.History => "A **history**: month P sees every record of the extracts stamped ≤ P, identical records once.",
        SourcePolicy.Latest => $"The **latest** by {Names(source.Key, ", ")}: month P sees, for each, the rows of the latest-stamped extract ≤ P that holds it.",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Policy, "unknown policy"),
    };

    private static string Type(FieldDeclaration field)
    {
        var type = field.Type.Id();
        if (field.Type == FieldType.Code)
        {
            type += field.CodeList is not null ? $" (list `{field.CodeList}`)" : ": " + string.Join(" / ", field.CodeValues.Select(v => Code(v)));
        }
        return field.Stored ? type : type + ", read but not stored";
    }

    private static string Names(IEnumerable<string> names, string separator) => string.Join(separator, names.Select(n => Code(n)));

    /// <summary>Inline code in a table cell: a pipe would end the cell, so it is escaped.</summary>
    private static string Code(string text) => "`" + text.Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
