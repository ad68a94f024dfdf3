using System.Globalization;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Loading;
using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// The stored form of the records of every declared source without a record type of its own: one table,
/// <c>reliefmatch.declared_records</c>, partitioned by extract like the typed record tables. A row holds the columns
/// every record has (extract, row, source, the person's name and ID) and <c>field_values</c>, a text[] with one entry per
/// declared field in declared order, each in the invariant text of its type (<see cref="ToText"/>).
/// </summary>
/// <remarks>
/// Writing and reading are driven by one ordered column list (<see cref="Columns"/>): each column says how it is
/// written and how it is read back, so the positions of the COPY in and of the export cannot disagree.
/// </remarks>
internal static class DeclaredRecordCopy
{
    public const string Table = "reliefmatch.declared_records";

    /// <summary>
    /// The reading of stored rows into their sources' tables, one per load (not one per row): the row being read, and
    /// which builder an extract's rows join. The declared values go from the COPY's bytes straight into the builder's
    /// typed columns: a text through the load's pool, a date, month or amount parsed from the bytes without a string.
    /// </summary>
    internal sealed class Loading(Func<long, DeclaredTable.Builder> builderOf) : RecordDraft
    {
        private DeclaredTable.Builder? _target;
        private long _targetExtract = -1;

        public void ReadValues(CopyRowReader r, StringPool pool)
        {
            if (_target is null || _targetExtract != ExtractId)
            {
                _target = builderOf(ExtractId);
                _targetExtract = ExtractId;
            }
            var target = _target;
            target.Add(ExtractId, Row, Name, Id);
            var fields = target.Declaration.Fields;
            var count = r.ArrayStart();
            for (var i = 0; i < count; i++)
            {
                var size = r.ElementLength();
                if (size < 0)
                {
                    continue;
                }
                // A value beyond the declared fields (of a field since removed from the declaration) is not the month's.
                if (i >= fields.Count)
                {
                    r.SkipElement(size);
                    continue;
                }
                switch (fields[i].Type)
                {
                    case FieldType.Date:
                        target.SetDate(i, Date(r.ElementChars(size)));
                        break;
                    case FieldType.Month:
                        target.SetMonth(i, Month(r.ElementChars(size)));
                        break;
                    case FieldType.Money or FieldType.Number:
                        target.SetAmount(i, Amount(r.ElementChars(size)));
                        break;
                    default:
                        target.SetText(i, r.ElementText(size, pool));
                        break;
                }
            }
        }
    }

    private sealed record Column(string Name, Action<CopyRowWriter, long, DeclaredRecord> Write, Action<CopyRowReader, StringPool, Loading> Read);

    private static readonly Column[] Ordered =
    [
        new("extract_id", (w, e, _) => w.Int64(e), (r, _, l) => l.ExtractId = r.Int64()),
        new("row", (w, _, d) => w.Int32(d.Row), (r, _, l) => l.Row = r.Int32()),
        // The extract names the source (its table is chosen by extract id).
        new("source", (w, _, d) => w.Text(d.Source.Id), (r, _, _) => r.Skip()),
        new("name", (w, _, d) => w.Text(StoredCodes.Clean(d.Name)), (r, p, l) => l.Name = r.Text(p)),
        new("id_text", (w, _, d) => w.Text(StoredCodes.Clean(d.Id.Text ?? "")), (r, p, l) => l.IdText = r.Text(p)),
        new("id_key", (w, _, d) => ColumnCodecs.NullableInt64.Write(w, d.Id.Id?.Key), (r, _, l) => l.IdKey = r.NullableInt64()),
        new("id_problem", (w, _, d) => w.NullableText(StoredCodes.Problem(d.Id.Problem)), (r, _, l) => l.IdProblem = r.NullableText(null)),
        new("id_upgraded", (w, _, d) => w.Boolean(d.Id.UpgradedFrom15), (r, _, l) => l.IdUpgraded = r.Boolean()),
        new("field_values", (w, _, d) => w.TextArray(Texts(d)), (r, p, l) => l.ReadValues(r, p)),
    ];

    /// <summary>The columns in the order they are written and read.</summary>
    public static readonly string Columns = string.Join(", ", Ordered.Select(c => c.Name));

    public static void Write(CopyRowWriter w, long extractId, DeclaredRecord record)
    {
        w.StartRow(Ordered.Length);
        foreach (var column in Ordered)
        {
            column.Write(w, extractId, record);
        }
    }

    /// <summary>Reads one stored row into the table of its extract's source (<see cref="Loading"/>).</summary>
    public static void Read(CopyRowReader r, StringPool pool, Loading loading)
    {
        foreach (var column in Ordered)
        {
            column.Read(r, pool, loading);
        }
    }

    /// <summary>
    /// Adds a record just parsed to <paramref name="builder"/> as <see cref="Read"/> gives it back from the row
    /// <see cref="Write"/> stores (<see cref="ColumnCodecs.Text.Stored"/>, <see cref="RecordDraft.Stored"/>): texts cleaned and pooled, an amount as its stored text
    /// reads back (1234.50 as 1234.5), a field not stored empty.
    /// </summary>
    public static void Keep(DeclaredTable.Builder builder, long extractId, DeclaredRecord record, StringPool pool)
    {
        builder.Add(extractId, record.Row, ColumnCodecs.Text.Stored(record.Name, pool), RecordDraft.Stored(record.Id, pool));
        var fields = record.Declaration.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Stored || record.Values[i] is not { } value)
            {
                continue;
            }
            switch (value)
            {
                case DateOnly date:
                    builder.SetDate(i, date);
                    break;
                case ReportingMonth month:
                    builder.SetMonth(i, month);
                    break;
                case decimal amount:
                    builder.SetAmount(i, Amount(Amount(amount)));
                    break;
                default:
                    builder.SetText(i, ColumnCodecs.Text.Stored(ToText(value), pool));
                    break;
            }
        }
    }

    /// <summary>The stored texts of a record's values: a field declared <c>store: false</c> and the resident ID (kept in its own columns) are null.</summary>
    private static string?[] Texts(DeclaredRecord record)
    {
        var fields = record.Declaration.Fields;
        var texts = new string?[fields.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = fields[i].Stored && record.Values[i] is { } value ? StoredCodes.Clean(ToText(value)) : null;
        }
        return texts;
    }

    /// <summary>
    /// The invariant text of a value: a date <c>2023-07-04</c>, a month <c>2023-07</c>, an amount without trailing
    /// zeros (<c>1234.5</c>, so that equal amounts are equal texts), anything else as it is.
    /// </summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportingMonth m => m.ToString(),
        decimal m => Amount(m),
        _ => throw new ArgumentException($"No stored form for a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The value of a stored text as <paramref name="type"/> holds it (see <see cref="DeclaredTable"/>).</summary>
    public static object? FromText(FieldType type, string? text) => text is null ? null : type switch
    {
        FieldType.Date => Date(text),
        FieldType.Month => Month(text),
        FieldType.Money or FieldType.Number => Amount(text),
        _ => text,
    };

    private static DateOnly Date(ReadOnlySpan<char> text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ReportingMonth Month(ReadOnlySpan<char> text) =>
        ReportingMonth.TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");

    private static decimal Amount(ReadOnlySpan<char> text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Amount(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
