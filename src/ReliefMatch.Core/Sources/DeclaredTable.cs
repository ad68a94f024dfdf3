using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sources;

/// <summary>
/// The records a month sees of one declared source that has no record type of its own, held by column: one array
/// per declared field, in the declaration's order, plus the columns every record has (the stored extract and row it
/// came from, the person's name and parsed ID). A new kind of extract is read, stored, loaded and given to the rules
/// through this shape alone (docs/sources.md, "Sources are declared").
/// </summary>
/// <remarks>
/// A field's column holds <see cref="string"/> for <c>text</c>, <c>code</c>, <c>name</c> and <c>certificate-no</c>,
/// <see cref="DateOnly"/> for <c>date</c>, <see cref="ReportingMonth"/> for <c>month</c> and <see cref="decimal"/> for
/// <c>money</c> and <c>number</c>; an empty cell is null. The <c>resident-id</c> field's value is <see cref="Ids"/>.
/// </remarks>
public sealed class DeclaredTable
{
    private readonly Array[] _columns;
    private readonly Dictionary<string, int> _fieldIndex;

    private DeclaredTable(SourceDeclaration declaration, int count, long[] extractIds, int[] rows, string[] names,
        ParsedId[] ids, Array[] columns, IReadOnlySet<string> presentFields)
    {
        Declaration = declaration;
        Count = count;
        ExtractIds = extractIds;
        Rows = rows;
        Names = names;
        Ids = ids;
        _columns = columns;
        PresentFields = presentFields;
        _fieldIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < declaration.Fields.Count; i++)
        {
            _fieldIndex[declaration.Fields[i].Name] = i;
        }
    }

    public SourceDeclaration Declaration { get; }

    public string SourceId => Declaration.Id;

    public int Count { get; }

    /// <summary>The stored extract each record came from (0 before it is stored).</summary>
    public IReadOnlyList<long> ExtractIds { get; }

    /// <summary>The CSV line or sheet row each record came from.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>The value of the declaration's <c>name</c>-typed identity field, trimmed ("" when empty).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The parsed value of the declaration's <c>resident-id</c> identity field.</summary>
    public IReadOnlyList<ParsedId> Ids { get; }

    /// <summary>
    /// The declared fields some loaded file of the source had a column for: a rule reading a field no file had
    /// raises nothing for the month and says so (docs/rules.md, "A rule whose input is missing").
    /// </summary>
    public IReadOnlySet<string> PresentFields { get; }

    public bool HasField(string field) => PresentFields.Contains(field);

    /// <summary>The column of the declared field <paramref name="field"/>; <typeparamref name="T"/> as the remarks say.</summary>
    public IReadOnlyList<T?> Column<T>(string field) where T : struct =>
        (T?[])_columns[IndexOf(field)];

    /// <summary>The column of a text-like declared field (text, code, name, certificate-no).</summary>
    public IReadOnlyList<string?> Text(string field) => (string?[])_columns[IndexOf(field)];

    public IReadOnlyList<DateOnly?> Dates(string field) => Column<DateOnly>(field);

    public IReadOnlyList<ReportingMonth?> Months(string field) => Column<ReportingMonth>(field);

    /// <summary>Money (yuan, 万元 already multiplied out) or number fields.</summary>
    public IReadOnlyList<decimal?> Amounts(string field) => Column<decimal>(field);

    /// <summary>The boxed value of <paramref name="field"/> at <paramref name="row"/>, for storage and evidence.</summary>
    public object? Value(string field, int row) => _columns[IndexOf(field)].GetValue(row);

    private int IndexOf(string field) =>
        _fieldIndex.TryGetValue(field, out var i)
            ? i
            : throw new ArgumentException($"Source {Declaration.Id} declares no field {field}.", nameof(field));

    /// <summary>The CLR type a column of <paramref name="type"/> holds (nullable for value types).</summary>
    public static Type ValueType(FieldType type) => type switch
    {
        FieldType.Date => typeof(DateOnly?),
        FieldType.Month => typeof(ReportingMonth?),
        FieldType.Money or FieldType.Number => typeof(decimal?),
        _ => typeof(string),
    };

    /// <summary>An empty table of <paramref name="declaration"/> (a month without the source).</summary>
    public static DeclaredTable Empty(SourceDeclaration declaration) => new Builder(declaration).Build(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// Appends records row by row and builds the table once. Values are given per declared field, in declared order,
    /// as the remarks of <see cref="DeclaredTable"/> say.
    /// </summary>
    public sealed class Builder
    {
        private readonly SourceDeclaration _declaration;
        private readonly List<long> _extractIds = [];
        private readonly List<int> _rows = [];
        private readonly List<string> _names = [];
        private readonly List<ParsedId> _ids = [];
        private readonly List<object?>[] _values;

        public Builder(SourceDeclaration declaration)
        {
            ArgumentNullException.ThrowIfNull(declaration);
            _declaration = declaration;
            _values = [.. declaration.Fields.Select(_ => new List<object?>())];
        }

        public int Count => _rows.Count;

        /// <summary>Adds one record; <paramref name="values"/> has one entry per declared field.</summary>
        public void Add(long extractId, int row, string name, ParsedId id, IReadOnlyList<object?> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Count != _values.Length)
            {
                throw new ArgumentException($"Source {_declaration.Id} declares {_values.Length} fields; {values.Count} values were given.", nameof(values));
            }
            _extractIds.Add(extractId);
            _rows.Add(row);
            _names.Add(name);
            _ids.Add(id);
            for (var i = 0; i < _values.Length; i++)
            {
                _values[i].Add(values[i]);
            }
        }

        /// <summary>The table; <paramref name="presentFields"/> are the declared fields some file of it had a column for.</summary>
        public DeclaredTable Build(IReadOnlySet<string> presentFields)
        {
            var columns = new Array[_values.Length];
            for (var i = 0; i < _values.Length; i++)
            {
                var type = ValueType(_declaration.Fields[i].Type);
                var column = Array.CreateInstance(type, _values[i].Count);
                for (var r = 0; r < _values[i].Count; r++)
                {
                    column.SetValue(_values[i][r], r);
                }
                columns[i] = column;
            }
            return new DeclaredTable(_declaration, _rows.Count, [.. _extractIds], [.. _rows], [.. _names], [.. _ids], columns, presentFields);
        }
    }
}
