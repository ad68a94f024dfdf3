using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Readers.Headers;

/// <summary>
/// The columns of one source as its declaration lists them: for each field the header spellings that occur
/// (in order of preference when a file has two of them) and which fields a header row must name.
/// </summary>
/// <remarks>
/// A column map indexes fields by slot. The six sources with a record type read the reader's fields
/// (<see cref="ExtractField"/>; slot = the field's number); any other declared source reads its declared fields
/// (slot = the field's position in the declaration), so one locator, one column map and one row reader serve both.
/// </remarks>
internal sealed class SourceLayout
{
    /// <summary>The unit a header may close with that scales a money column's values: <c>发放金额(万元)</c>.</summary>
    public static readonly string[] TenThousandSuffixes = ["(万元)", "(单位:万元)", "(人民币万元)"];

    private readonly Dictionary<string, (int Slot, int Preference)> bySpelling = new(StringComparer.Ordinal);
    private readonly bool[] scalable;

    private SourceLayout(SourceRef source, SourceDeclaration declaration, string[] slotNames, IReadOnlyList<string>?[] slotHeaders,
        int[][] requirements, (int Slot, RowFilter Filter)[] filters, bool[] scalable)
    {
        Source = source;
        Declaration = declaration;
        SlotNames = slotNames;
        SlotHeaders = slotHeaders;
        SlotRequirements = requirements;
        Filters = filters;
        this.scalable = scalable;
        for (var slot = 0; slot < slotHeaders.Length; slot++)
        {
            var headers = slotHeaders[slot] ?? [];
            for (var i = 0; i < headers.Count; i++)
            {
                var key = HeaderText.Normalise(headers[i]);
                if (!bySpelling.TryAdd(key, (slot, i)))
                {
                    throw new InvalidOperationException($"{source.Id}: header {headers[i]} is listed for two fields.");
                }
            }
        }
        if (source.Kind is not null)
        {
            Fields = Enumerable.Range(0, slotHeaders.Length).Where(s => slotHeaders[s] is not null)
                .ToDictionary(s => (ExtractField)s, s => slotHeaders[s]!);
            Requirements = [.. requirements.Select(r => r.Select(s => (ExtractField)s).ToArray())];
        }
    }

    public SourceRef Source { get; }

    public SourceDeclaration Declaration { get; }

    /// <summary>The snake_case name of each slot's field, for messages.</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>Each slot's header spellings as the declaration writes them; null for a slot the source does not have.</summary>
    public IReadOnlyList<IReadOnlyList<string>?> SlotHeaders { get; }

    /// <summary>How many slots a column map of this layout has.</summary>
    public int Slots => SlotHeaders.Count;

    /// <summary>For one of the six: every field this source may have, with its header spellings as the contract writes them.</summary>
    public IReadOnlyDictionary<ExtractField, IReadOnlyList<string>> Fields { get; } = new Dictionary<ExtractField, IReadOnlyList<string>>();

    /// <summary>For one of the six: each entry is satisfied when the header row names at least one of its fields.</summary>
    /// <remarks>
    /// Alternatives carry the contract's footnotes: a police file needs 死亡日期 or 注销日期 (which stands in for
    /// it); a disability file needs the ID, category and level, each of which 残疾人证号 can give.
    /// </remarks>
    public IReadOnlyList<ExtractField[]> Requirements { get; } = [];

    /// <summary>The header requirements by slot: each is met when the header row names at least one of its slots.</summary>
    public IReadOnlyList<int[]> SlotRequirements { get; }

    /// <summary>The declared row filters, each on the slot of the field it names.</summary>
    public IReadOnlyList<(int Slot, RowFilter Filter)> Filters { get; }

    /// <summary>
    /// The slot a header cell names, its preference, and whether it named it with a 万元 unit (only a money field
    /// of a declared source is read so; for the six, a 万元 column is no column of theirs).
    /// </summary>
    public bool TryField(string normalisedHeader, out int slot, out int preference, out bool tenThousand)
    {
        tenThousand = false;
        if (bySpelling.TryGetValue(normalisedHeader, out var hit))
        {
            (slot, preference) = hit;
            return true;
        }
        foreach (var suffix in TenThousandSuffixes)
        {
            if (normalisedHeader.Length > suffix.Length && normalisedHeader.EndsWith(suffix, StringComparison.Ordinal)
                && bySpelling.TryGetValue(normalisedHeader[..^suffix.Length], out hit) && scalable[hit.Slot])
            {
                (slot, preference) = hit;
                tenThousand = true;
                return true;
            }
        }
        slot = 0;
        preference = 0;
        return false;
    }

    /// <summary>Maps the cells of a candidate header row to fields; unknown cells are ignored.</summary>
    public ColumnMap Match(IReadOnlyList<string> cells)
    {
        var map = new ColumnMap(this, cells);
        for (var c = 0; c < cells.Count; c++)
        {
            if (TryField(HeaderText.Normalise(cells[c]), out var slot, out var preference, out var tenThousand))
            {
                map.Offer(slot, c, preference, tenThousand);
            }
        }
        return map;
    }

    /// <summary>The layout of <paramref name="source"/> as its shipped declaration gives it.</summary>
    public static SourceLayout For(SourceKind source) => All[(int)source];

    /// <summary>One layout per source kind, in enum order.</summary>
    public static IReadOnlyList<SourceLayout> All { get; } = [.. SourceKinds.All.Select(k => Typed(k, k.Declaration()))];

    /// <summary>
    /// The layout of a source as <paramref name="declaration"/> declares it: one of the six through its reader's fields
    /// (the shipped one's is cached in <see cref="All"/>), any other through its declared fields.
    /// </summary>
    public static SourceLayout For(SourceDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var source = SourceRef.Of(declaration);
        if (source.Kind is not { } kind)
        {
            return Declared(source, declaration);
        }
        return ReferenceEquals(declaration, kind.Declaration()) ? For(kind) : Typed(kind, declaration);
    }

    /// <summary>
    /// The columns of a typed source's declaration, each declared field mapped to the reader's field of that name: the
    /// shipped declaration of a compiled source must name only fields its record builder reads.
    /// </summary>
    private static SourceLayout Typed(SourceKind source, SourceDeclaration declaration)
    {
        int SlotOf(string name) => ExtractFields.TryParse(name, out var field)
            ? (int)field
            : throw new InvalidOperationException($"{declaration.File}: field '{name}' is not a field the {source.Id()} reader knows.");
        var headers = new IReadOnlyList<string>?[ExtractFields.Count];
        foreach (var field in declaration.Fields)
        {
            headers[SlotOf(field.Name)] = field.Headers;
        }
        var names = Enumerable.Range(0, ExtractFields.Count).Select(i => ((ExtractField)i).Id()).ToArray();
        return new SourceLayout(source, declaration, names, headers,
            [.. declaration.HeaderRequirements.Select(r => r.Select(SlotOf).ToArray())],
            [.. declaration.Filters.Select(f => (SlotOf(f.Field), f))],
            new bool[ExtractFields.Count]);
    }

    /// <summary>The columns of a source known by its declaration alone: slot i is declared field i.</summary>
    private static SourceLayout Declared(SourceRef source, SourceDeclaration declaration)
    {
        var fields = declaration.Fields;
        int SlotOf(string name) => fields.ToList().FindIndex(f => f.Name == name);
        return new SourceLayout(source, declaration, [.. fields.Select(f => f.Name)], [.. fields.Select(f => f.Headers)],
            [.. declaration.HeaderRequirements.Select(r => r.Select(SlotOf).ToArray())],
            [.. declaration.Filters.Select(f => (SlotOf(f.Field), f))],
            [.. fields.Select(f => f.Type == FieldType.Money)]);
    }
}
