using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// A typed source's record table: its name and one ordered list of columns that drives both the import's binary
/// COPY (<see cref="Write(CopyRowWriter, long, T)"/>) and the loader's read-back (<see cref="Read"/>). A column is
/// added in one place, with its type, its writer and its reader, so the positions written and read cannot disagree;
/// a test holds every layout against the migrated schema.
/// </summary>
/// <remarks>
/// Written for speed, as the hand-written COPY code it replaces: a value goes straight from the record into the
/// COPY's buffer through its column's codec, without boxing; writing a row allocates nothing, and reading one
/// allocates only the record (the draft it is read into is kept per thread and reused row after row).
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

    void IRecordLayout.Write(CopyRowWriter w, long extractId, ExtractRecord record) =>
        Write(w, extractId, record as T ?? throw new InvalidOperationException($"A {record.GetType().Name} (row {record.Row}) has no place in {Table}."));

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
}
