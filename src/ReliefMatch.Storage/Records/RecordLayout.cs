using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// A typed source's record table: its name and one ordered list of columns that drives the import's binary COPY
/// (<see cref="Write(CopyRowWriter, long, T)"/>), the loader's read-back (<see cref="Read"/>) and the form a record
/// just imported is kept in (<see cref="Kept(T, long, StringPool)"/>). A column is added in one place, with its type,
/// its writer, its reader and its stored form, so the positions written and read cannot disagree and a record kept
/// from the import is the record the load would read back; a test holds every layout against the migrated schema.
/// </summary>
/// <remarks>
/// Written for speed, as the hand-written COPY code it replaces: a value goes straight from the record into the
/// COPY's buffer through its column's codec, without boxing; writing a row allocates nothing, and reading one
/// allocates only the record (the draft it is read into is kept per thread and reused row after row), and so does
/// keeping one.
/// </remarks>
internal sealed class RecordLayout<T, TDraft> : IRecordLayout
    where T : ExtractRecord
    where TDraft : RecordDraft, new()
{
    private readonly RecordColumn<T, TDraft>[] _columns;
    private readonly Func<TDraft, T> _build;

    [ThreadStatic]
    private static TDraft? t_draft;

    /// <param name="table">The table, schema-qualified.</param>
    /// <param name="sources">The sources whose records it holds.</param>
    /// <param name="columns">The source's own columns, after the common ones.</param>
    /// <param name="build">The record of a draft every column has been read into.</param>
    public RecordLayout(string table, IReadOnlyList<SourceKind> sources, Action<ColumnList<T, TDraft>> columns, Func<TDraft, T> build)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = new ColumnList<T, TDraft>();
        columns(list);
        _columns = [.. list.Columns];
        _build = build;
        Table = table;
        Sources = sources;
        Columns = [.. _columns.Select(c => c.Stored)];
        ColumnList = string.Join(", ", Columns.Select(c => c.Name));
    }

    public string Table { get; }

    public IReadOnlyList<SourceKind> Sources { get; }

    public IReadOnlyList<StoredColumn> Columns { get; }

    public string ColumnList { get; }

    public void Write(CopyRowWriter w, long extractId, T record)
    {
        w.StartRow(_columns.Length);
        foreach (var column in _columns)
        {
            column.Write(w, extractId, record);
        }
    }

    void IRecordLayout.Write(CopyRowWriter w, long extractId, ExtractRecord record) => Write(w, extractId, Typed(record));

    public Func<ExtractRecord, TValue>? Values<TValue>(string column) =>
        Array.Find(_columns, c => string.Equals(c.Stored.Name, column, StringComparison.Ordinal)) is IColumnValue<T, TValue> values
            ? record => values.Get((T)record)
            : null;

    /// <summary>Reads the current row of an export of <see cref="ColumnList"/>; repeated texts go through <paramref name="pool"/>.</summary>
    public T Read(CopyRowReader r, StringPool pool)
    {
        var draft = t_draft ??= new TDraft();
        foreach (var column in _columns)
        {
            column.Read(r, pool, draft);
        }
        return _build(draft);
    }

    /// <summary>
    /// <paramref name="record"/>, just parsed and imported into <paramref name="extractId"/>, as <see cref="Read"/> gives
    /// it back from the row <see cref="Write(CopyRowWriter, long, T)"/> makes of it: each column's value through its
    /// codec's stored form (texts as PostgreSQL keeps them and pooled, the ID rebuilt from its stored parts, a zero
    /// amount without a sign, codes through their stored text), so that a month evaluated from the kept records
    /// evaluates the very values it would read from storage.
    /// </summary>
    public T Kept(T record, long extractId, StringPool pool)
    {
        var draft = t_draft ??= new TDraft();
        foreach (var column in _columns)
        {
            column.Keep(extractId, record, pool, draft);
        }
        return _build(draft);
    }

    ExtractRecord IRecordLayout.Kept(ExtractRecord record, long extractId, StringPool pool) => Kept(Typed(record), extractId, pool);

    private T Typed(ExtractRecord record) =>
        record as T ?? throw new InvalidOperationException($"A {record.GetType().Name} (row {record.Row}) has no place in {Table}.");
}
