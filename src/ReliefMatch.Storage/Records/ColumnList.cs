using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// Builds a typed table's ordered column list: the columns every record table starts with (extract, row, the
/// person's name and ID), then one call per column of the source's own, each naming the column, reading its value
/// off the record and putting it back into the draft. The method called gives the column's type and nullability.
/// </summary>
internal sealed class ColumnList<T, TDraft>
    where T : ExtractRecord
    where TDraft : RecordDraft
{
    private readonly List<RecordColumn<T, TDraft>> _columns = [];

    public ColumnList()
    {
        _columns.Add(new ExtractIdColumn<T, TDraft>());
        Add<int, ColumnCodecs.Int32>("row", r => r.Row, (d, v) => d.Row = v);
        Text("name", r => r.Name, (d, v) => d.Name = v);
        Text("id_text", r => r.Id.Text ?? "", (d, v) => d.IdText = v);
        Add<long?, ColumnCodecs.NullableInt64>("id_key", r => r.Id.Id?.Key, (d, v) => d.IdKey = v);
        UniqueText("id_problem", r => StoredCodes.Problem(r.Id.Problem), (d, v) => d.IdProblem = v);
        Boolean("id_upgraded", r => r.Id.UpgradedFrom15, (d, v) => d.IdUpgraded = v);
    }

    public IReadOnlyList<RecordColumn<T, TDraft>> Columns => _columns;

    public ColumnList<T, TDraft> Text(string name, Func<T, string> get, Action<TDraft, string> set) => Add<string, ColumnCodecs.Text>(name, get, set);

    public ColumnList<T, TDraft> NullableText(string name, Func<T, string?> get, Action<TDraft, string?> set) => Add<string?, ColumnCodecs.NullableText>(name, get, set);

    public ColumnList<T, TDraft> UniqueText(string name, Func<T, string?> get, Action<TDraft, string?> set) => Add<string?, ColumnCodecs.UniqueText>(name, get, set);

    public ColumnList<T, TDraft> Int16(string name, Func<T, short> get, Action<TDraft, short> set) => Add<short, ColumnCodecs.Int16>(name, get, set);

    public ColumnList<T, TDraft> NullableInt16(string name, Func<T, short?> get, Action<TDraft, short?> set) => Add<short?, ColumnCodecs.NullableInt16>(name, get, set);

    public ColumnList<T, TDraft> Boolean(string name, Func<T, bool> get, Action<TDraft, bool> set) => Add<bool, ColumnCodecs.Boolean>(name, get, set);

    public ColumnList<T, TDraft> NullableBoolean(string name, Func<T, bool?> get, Action<TDraft, bool?> set) => Add<bool?, ColumnCodecs.NullableBoolean>(name, get, set);

    public ColumnList<T, TDraft> Date(string name, Func<T, DateOnly> get, Action<TDraft, DateOnly> set) => Add<DateOnly, ColumnCodecs.Date>(name, get, set);

    public ColumnList<T, TDraft> NullableDate(string name, Func<T, DateOnly?> get, Action<TDraft, DateOnly?> set) => Add<DateOnly?, ColumnCodecs.NullableDate>(name, get, set);

    public ColumnList<T, TDraft> Numeric(string name, Func<T, decimal> get, Action<TDraft, decimal> set) => Add<decimal, ColumnCodecs.Numeric>(name, get, set);

    public ColumnList<T, TDraft> NullableNumeric(string name, Func<T, decimal?> get, Action<TDraft, decimal?> set) => Add<decimal?, ColumnCodecs.NullableNumeric>(name, get, set);

    private ColumnList<T, TDraft> Add<TValue, TCodec>(string name, Func<T, TValue> get, Action<TDraft, TValue> set)
        where TCodec : struct, IColumnCodec<TValue>
    {
        if (_columns.Exists(c => c.Stored.Name == name))
        {
            throw new InvalidOperationException($"The column {name} is listed twice.");
        }
        _columns.Add(new RecordColumn<T, TDraft, TValue, TCodec>(name, get, set));
        return this;
    }
}
