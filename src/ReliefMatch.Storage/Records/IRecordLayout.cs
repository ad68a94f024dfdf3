using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Storage.Records;

/// <summary>A typed record table as the import sees it, whatever its record type (see <see cref="RecordLayout{T, TDraft}"/>).</summary>
internal interface IRecordLayout
{
    /// <summary>The table, schema-qualified.</summary>
    string Table { get; }

    /// <summary>The sources whose records the table holds.</summary>
    IReadOnlyList<SourceKind> Sources { get; }

    /// <summary>The columns in the order they are written and read.</summary>
    IReadOnlyList<StoredColumn> Columns { get; }

    /// <summary><see cref="Columns"/>' names, comma-separated, for the COPY in and the SELECT of the export.</summary>
    string ColumnList { get; }

    /// <summary>Writes one row of the import's COPY; <paramref name="record"/> must be of the table's record type.</summary>
    void Write(CopyRowWriter w, long extractId, ExtractRecord record);

    /// <summary>A record just imported as the load would read it back (<see cref="RecordLayout{T, TDraft}.Kept"/>); <paramref name="record"/> must be of the table's record type.</summary>
    ExtractRecord Kept(ExtractRecord record, long extractId, StringPool pool);

    /// <summary>
    /// How to read the value of the column <paramref name="column"/> off a record of the table's type, as it is given to
    /// the COPY; null when the table has no such column or its values are not <typeparamref name="TValue"/>.
    /// </summary>
    Func<ExtractRecord, TValue>? Values<TValue>(string column);
}
