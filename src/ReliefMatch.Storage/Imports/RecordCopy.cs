using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Binary COPY of accepted records into the table of their source: the typed table of one of the six, each written by
/// its one ordered column list (<see cref="RecordLayouts"/>), or the declared sources' table
/// (<see cref="DeclaredRecordCopy"/>).
/// </summary>
internal static class RecordCopy
{
    /// <summary>The table of a source's records: the typed table of one of the six, else the declared sources' one.</summary>
    public static string Table(SourceRef source) => source.Kind is { } kind ? RecordLayouts.For(kind).Table : DeclaredRecordCopy.Table;

    /// <summary>The columns of the source's table, in the order the COPY writes them.</summary>
    public static string Columns(SourceRef source) => source.Kind is { } kind ? RecordLayouts.For(kind).ColumnList : DeclaredRecordCopy.Columns;

    /// <summary>The partition that holds one extract's records.</summary>
    public static string Partition(SourceRef source, long extractId) => $"{Table(source)}_{extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Creates the extract's partition, detached, with the CHECK that lets it be attached without a scan. Autovacuum is
    /// off for it: its rows are written once, frozen, by the COPY that fills it, and never updated or deleted, so
    /// there is nothing to vacuum; left on, it vacuumed and analysed each new partition a minute after the import,
    /// in the middle of the month's run (5 s of a province run's processor time).
    /// </summary>
    public static string CreatePartition(SourceRef source, long extractId) =>
        $"CREATE TABLE {Partition(source, extractId)} (LIKE {Table(source)} INCLUDING DEFAULTS, CHECK (extract_id = {extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)})) " +
        "WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false)";

    /// <summary>COPY FREEZE: the rows of a table created in this transaction are written frozen, without WAL where the server allows.</summary>
    public static string CopyIn(SourceRef source, long extractId) => $"COPY {Partition(source, extractId)} ({Columns(source)}) FROM STDIN (FORMAT BINARY, FREEZE)";

    public static string AttachPartition(SourceRef source, long extractId) =>
        $"ALTER TABLE {Table(source)} ATTACH PARTITION {Partition(source, extractId)} FOR VALUES IN ({extractId.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    public static void Write(CopyRowWriter w, SourceRef source, long extractId, ExtractRecord record)
    {
        if (record.Source != source)
        {
            throw new InvalidOperationException($"A {record.Source.Id} record (row {record.Row}) was read from a {source.Id} extract.");
        }
        if (record is DeclaredRecord declared)
        {
            DeclaredRecordCopy.Write(w, extractId, declared);
            return;
        }
        RecordLayouts.For(source.Kind!.Value).Write(w, extractId, record);
    }

    public const string CopyRejects = "COPY reliefmatch.rejected_rows (extract_id, row, column_name, value, reason) FROM STDIN (FORMAT BINARY)";

    public static void WriteReject(CopyRowWriter w, long extractId, RejectedRow reject)
    {
        w.StartRow(5);
        w.Int64(extractId);
        w.Int32(reject.Row);
        w.Text(StoredCodes.Clean(reject.Column ?? ""));
        w.Text(StoredCodes.Clean(reject.Value ?? ""));
        w.Text(StoredCodes.Clean(reject.Reason ?? ""));
    }
}
