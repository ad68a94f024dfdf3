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
    /// Appends records and builds the table once, each declared field straight into a growing array of its type (no
    /// boxed value per cell). A record is started with <see cref="Add(long, int, string, ParsedId)"/>, every field
    /// empty, and its values set by field position (<see cref="SetText"/>, <see cref="SetDate"/>, <see cref="SetMonth"/>,
    /// <see cref="SetAmount"/>). Before it is built, the loader's policies read the rows (<see cref="SameContent"/>,
    /// <see cref="Value"/>) and keep some of them (<see cref="Retain"/>).
    /// </summary>
    public sealed class Builder
    {
        private readonly SourceDeclaration _declaration;
        private readonly DeclaredColumn<long> _extractIds;
        private readonly DeclaredColumn<int> _rows;
        private readonly DeclaredColumn<string> _names;
        private readonly DeclaredColumn<ParsedId> _ids;
        private readonly DeclaredColumn[] _values;
        private readonly DeclaredColumn[] _all;
        private bool _ordered = true;

        /// <param name="capacity">How many records are expected: the arrays start that long.</param>
        public Builder(SourceDeclaration declaration, int capacity = 0)
        {
            ArgumentNullException.ThrowIfNull(declaration);
            _declaration = declaration;
            _extractIds = new(capacity, EqualityComparer<long>.Default);
            _rows = new(capacity, EqualityComparer<int>.Default);
            _names = new(capacity, StringComparer.Ordinal);
            _ids = new(capacity, EqualityComparer<ParsedId>.Default);
            _values = [.. declaration.Fields.Select(f => DeclaredColumn.For(f.Type, capacity))];
            _all = [_extractIds, _rows, _names, _ids, .. _values];
        }

        public SourceDeclaration Declaration => _declaration;

        public int Count => _rows.Count;

        /// <summary>Starts a record, every declared field empty.</summary>
        public void Add(long extractId, int row, string name, ParsedId id)
        {
            if (_ordered && Count > 0 && (_extractIds[Count - 1], _rows[Count - 1]).CompareTo((extractId, row)) > 0)
            {
                _ordered = false;
            }
            _extractIds.Add(extractId);
            _rows.Add(row);
            _names.Add(name);
            _ids.Add(id);
            foreach (var column in _values)
            {
                column.AddDefault();
            }
        }

        /// <summary>Adds one record; <paramref name="values"/> has one entry per declared field, typed as the remarks of <see cref="DeclaredTable"/> say.</summary>
        public void Add(long extractId, int row, string name, ParsedId id, IReadOnlyList<object?> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Count != _values.Length)
            {
                throw new ArgumentException($"Source {_declaration.Id} declares {_values.Length} fields; {values.Count} values were given.", nameof(values));
            }
            Add(extractId, row, name, id);
            for (var i = 0; i < _values.Length; i++)
            {
                switch (values[i])
                {
                    case null:
                        break;
                    case string text:
                        SetText(i, text);
                        break;
                    case DateOnly date:
                        SetDate(i, date);
                        break;
                    case ReportingMonth month:
                        SetMonth(i, month);
                        break;
                    case decimal amount:
                        SetAmount(i, amount);
                        break;
                    default:
                        throw new ArgumentException($"Source {_declaration.Id}: field {_declaration.Fields[i].Name} cannot hold a {values[i]!.GetType().Name}.", nameof(values));
                }
            }
        }

        /// <summary>Sets a text-like field (text, code, name, certificate-no, resident-id) of the last record.</summary>
        public void SetText(int field, string? value) => Column<string?>(field).SetLast(value);

        public void SetDate(int field, DateOnly value) => Column<DateOnly?>(field).SetLast(value);

        public void SetMonth(int field, ReportingMonth value) => Column<ReportingMonth?>(field).SetLast(value);

        /// <summary>Sets a money or number field of the last record.</summary>
        public void SetAmount(int field, decimal value) => Column<decimal?>(field).SetLast(value);

        /// <summary>Appends every record of <paramref name="other"/>, a builder of the same source.</summary>
        public void AddRange(Builder other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (!string.Equals(other._declaration.Id, _declaration.Id, StringComparison.Ordinal) || other._values.Length != _values.Length)
            {
                throw new ArgumentException($"Records of {other._declaration.Id} cannot join a table of {_declaration.Id}.", nameof(other));
            }
            if (other.Count == 0)
            {
                return;
            }
            if (Count > 0 && (_extractIds[Count - 1], _rows[Count - 1]).CompareTo((other._extractIds[0], other._rows[0])) > 0)
            {
                _ordered = false;
            }
            _ordered &= other._ordered;
            for (var i = 0; i < _all.Length; i++)
            {
                _all[i].AddRange(other._all[i]);
            }
        }

        /// <summary>Puts the records in extract then row order, when they were not added in it.</summary>
        public void Order()
        {
            if (_ordered)
            {
                return;
            }
            var order = new int[Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
            Array.Sort(order, (a, b) => (_extractIds[a], _rows[a]).CompareTo((_extractIds[b], _rows[b])));
            foreach (var column in _all)
            {
                column.Reorder(order);
            }
            _ordered = true;
        }

        public long ExtractId(int row) => _extractIds[row];

        public ParsedId Id(int row) => _ids[row];

        /// <summary>The value of declared field <paramref name="field"/> (by position) at <paramref name="row"/>, boxed.</summary>
        public object? Value(int field, int row) => _values[field].Boxed(row);

        /// <summary>The value of a text-like declared field (by position) at <paramref name="row"/>.</summary>
        public string? Text(int field, int row) => Column<string?>(field)[row];

        /// <summary>
        /// Whether two records are the same record as stored: the person's name and ID as read, and every declared value.
        /// </summary>
        public bool SameContent(int a, int b)
        {
            if (!_names.Same(a, b) || !string.Equals(_ids[a].Text, _ids[b].Text, StringComparison.Ordinal))
            {
                return false;
            }
            foreach (var column in _values)
            {
                if (!column.Same(a, b))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>A hash of what <see cref="SameContent"/> compares.</summary>
        public int ContentHash(int row)
        {
            var hash = new HashCode();
            hash.Add(_names.Hash(row));
            hash.Add(_ids[row].Text ?? "", StringComparer.Ordinal);
            foreach (var column in _values)
            {
                hash.Add(column.Hash(row));
            }
            return hash.ToHashCode();
        }

        /// <summary>Whether declared field <paramref name="field"/> (by position) holds the same value at both rows.</summary>
        public bool SameValue(int field, int a, int b) => _values[field].Same(a, b);

        public int ValueHash(int field, int row) => _values[field].Hash(row);

        /// <summary>Keeps the records <paramref name="keep"/> marks (one entry per record), in order.</summary>
        public void Retain(bool[] keep)
        {
            ArgumentNullException.ThrowIfNull(keep);
            if (keep.Length != Count)
            {
                throw new ArgumentException($"{keep.Length} marks for {Count} records.", nameof(keep));
            }
            foreach (var column in _all)
            {
                column.Retain(keep);
            }
        }

        /// <summary>The table; <paramref name="presentFields"/> are the declared fields some file of it had a column for.</summary>
        public DeclaredTable Build(IReadOnlySet<string> presentFields)
        {
            Order();
            return new DeclaredTable(_declaration, Count, (long[])_extractIds.ToArray(), (int[])_rows.ToArray(), (string[])_names.ToArray(),
                (ParsedId[])_ids.ToArray(), [.. _values.Select(c => c.ToArray())], presentFields);
        }

        private DeclaredColumn<T> Column<T>(int field) =>
            _values[field] as DeclaredColumn<T>
            ?? throw new InvalidOperationException($"Source {_declaration.Id}: field {_declaration.Fields[field].Name} of type {_declaration.Fields[field].Type.Id()} does not hold {typeof(T).Name}.");
    }
}
