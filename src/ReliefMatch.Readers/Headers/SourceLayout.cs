using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Readers.Headers;

/// <summary>
/// The columns of one source as its declaration lists them: for each field the header spellings that occur
/// (in order of preference when a file has two of them) and which fields a header row must name.
/// </summary>
internal sealed class SourceLayout
{
    private readonly Dictionary<string, (ExtractField Field, int Preference)> bySpelling = new(StringComparer.Ordinal);

    private SourceLayout(SourceKind source, (ExtractField Field, string[] Headers)[] fields, ExtractField[][] requirements,
        (ExtractField Field, RowFilter Filter)[] filters)
    {
        Source = source;
        Filters = filters;
        Fields = fields.ToDictionary(f => f.Field, f => (IReadOnlyList<string>)f.Headers);
        Requirements = requirements;
        foreach (var (field, headers) in fields)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                var key = HeaderText.Normalise(headers[i]);
                if (!bySpelling.TryAdd(key, (field, i)))
                {
                    throw new InvalidOperationException($"{source.Id()}: header {headers[i]} is listed for two fields.");
                }
            }
        }
    }

    public SourceKind Source { get; }

    /// <summary>Every field this source may have, with its header spellings as the contract writes them.</summary>
    public IReadOnlyDictionary<ExtractField, IReadOnlyList<string>> Fields { get; }

    /// <summary>Each entry is satisfied when the header row names at least one of its fields.</summary>
    /// <remarks>
    /// Alternatives carry the contract's footnotes: a police file needs 死亡日期 or 注销日期 (which stands in for
    /// it); a disability file needs the ID, category and level, each of which 残疾人证号 can give.
    /// </remarks>
    public IReadOnlyList<ExtractField[]> Requirements { get; }

    /// <summary>The declared row filters, each on the reader's field it names.</summary>
    public IReadOnlyList<(ExtractField Field, RowFilter Filter)> Filters { get; }

    public bool TryField(string normalisedHeader, out ExtractField field, out int preference)
    {
        if (bySpelling.TryGetValue(normalisedHeader, out var hit))
        {
            (field, preference) = hit;
            return true;
        }
        field = default;
        preference = 0;
        return false;
    }

    /// <summary>Maps the cells of a candidate header row to fields; unknown cells are ignored.</summary>
    public ColumnMap Match(IReadOnlyList<string> cells)
    {
        var map = new ColumnMap(this, cells);
        for (var c = 0; c < cells.Count; c++)
        {
            if (TryField(HeaderText.Normalise(cells[c]), out var field, out var preference))
            {
                map.Offer(field, c, preference);
            }
        }
        return map;
    }

    /// <summary>The layout of <paramref name="source"/> as its shipped declaration gives it.</summary>
    public static SourceLayout For(SourceKind source) => All[(int)source];

    /// <summary>One layout per source kind, in enum order.</summary>
    public static IReadOnlyList<SourceLayout> All { get; } = [.. SourceKinds.All.Select(k => From(k, k.Declaration()))];

    /// <summary>The layout of <paramref name="source"/> as <paramref name="declaration"/> declares it (the shipped one's is cached in <see cref="All"/>).</summary>
    public static SourceLayout For(SourceKind source, SourceDeclaration declaration) =>
        ReferenceEquals(declaration, source.Declaration()) ? For(source) : From(source, declaration);

    /// <summary>
    /// The columns of a declaration, each declared field mapped to the reader's field of that name: the shipped
    /// declaration of a compiled source must name only fields its record builder reads.
    /// </summary>
    private static SourceLayout From(SourceKind source, SourceDeclaration declaration)
    {
        ExtractField FieldOf(string name) => ExtractFields.TryParse(name, out var field)
            ? field
            : throw new InvalidOperationException($"{declaration.File}: field '{name}' is not a field the {source.Id()} reader knows.");
        return new SourceLayout(
            source,
            [.. declaration.Fields.Select(f => (FieldOf(f.Name), f.Headers.ToArray()))],
            [.. declaration.HeaderRequirements.Select(r => r.Select(FieldOf).ToArray())],
            [.. declaration.Filters.Select(f => (FieldOf(f.Field), f))]);
    }
}
