using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// One column of a typed record table: where its value comes from in a record, how it is written into the import's
/// binary COPY, where it goes when the loader reads it back, and what a record kept from its import holds instead.
/// </summary>
/// <typeparam name="T">The record type the column is written from.</typeparam>
/// <typeparam name="TDraft">The mutable form the loader fills, row by row, before the record is built.</typeparam>
internal abstract class RecordColumn<T, TDraft>(StoredColumn stored)
    where T : ExtractRecord
    where TDraft : RecordDraft
{
    public StoredColumn Stored { get; } = stored;

    /// <param name="extractId">The extract being imported (a record carries its id only once stored).</param>
    public abstract void Write(CopyRowWriter w, long extractId, T record);

    public abstract void Read(CopyRowReader r, StringPool pool, TDraft draft);

    /// <summary>Puts into <paramref name="draft"/> what <see cref="Read"/> would from the row <see cref="Write"/> makes of <paramref name="record"/>.</summary>
    public abstract void Keep(long extractId, T record, StringPool pool, TDraft draft);
}

/// <summary>A column whose value, of <typeparamref name="TValue"/>, is kept as <typeparamref name="TCodec"/> says.</summary>
internal sealed class RecordColumn<T, TDraft, TValue, TCodec>(string name, Func<T, TValue> get, Action<TDraft, TValue> set)
    : RecordColumn<T, TDraft>(new StoredColumn(name, TCodec.Type, TCodec.Nullable)), IColumnValue<T, TValue>
    where T : ExtractRecord
    where TDraft : RecordDraft
    where TCodec : struct, IColumnCodec<TValue>
{
    public TValue Get(T record) => get(record);

    public override void Write(CopyRowWriter w, long extractId, T record) => TCodec.Write(w, get(record));

    public override void Read(CopyRowReader r, StringPool pool, TDraft draft) => set(draft, TCodec.Read(r, pool));

    public override void Keep(long extractId, T record, StringPool pool, TDraft draft) => set(draft, TCodec.Stored(get(record), pool));
}

/// <summary>The <c>extract_id</c> column: written from the extract being imported, not from the record.</summary>
internal sealed class ExtractIdColumn<T, TDraft>() : RecordColumn<T, TDraft>(new StoredColumn("extract_id", ColumnCodecs.Int64.Type, ColumnCodecs.Int64.Nullable))
    where T : ExtractRecord
    where TDraft : RecordDraft
{
    public override void Write(CopyRowWriter w, long extractId, T record) => ColumnCodecs.Int64.Write(w, extractId);

    public override void Read(CopyRowReader r, StringPool pool, TDraft draft) => draft.ExtractId = ColumnCodecs.Int64.Read(r, pool);

    public override void Keep(long extractId, T record, StringPool pool, TDraft draft) => draft.ExtractId = ColumnCodecs.Int64.Stored(extractId, pool);
}
