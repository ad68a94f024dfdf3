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

    /// <summary>One row read back, before it joins its source's table.</summary>
    internal sealed class Loaded : RecordDraft
    {
        public string Source = "";
        public string?[] Values = [];
    }

    private sealed record Column(string Name, Action<CopyRowWriter, long, DeclaredRecord> Write, Action<CopyRowReader, StringPool, Loaded> Read);

    private static readonly Column[] Ordered =
    [
        new("extract_id", (w, e, _) => w.Int64(e), (r, _, l) => l.ExtractId = r.Int64()),
        new("row", (w, _, d) => w.Int32(d.Row), (r, _, l) => l.Row = r.Int32()),
        new("source", (w, _, d) => w.Text(d.Source.Id), (r, p, l) => l.Source = r.Text(p)),
        new("name", (w, _, d) => w.Text(StoredCodes.Clean(d.Name)), (r, p, l) => l.Name = r.Text(p)),
        new("id_text", (w, _, d) => w.Text(StoredCodes.Clean(d.Id.Text ?? "")), (r, p, l) => l.IdText = r.Text(p)),
        new("id_key", (w, _, d) => ColumnCodecs.NullableInt64.Write(w, d.Id.Id?.Key), (r, _, l) => l.IdKey = r.NullableInt64()),
        new("id_problem", (w, _, d) => w.NullableText(StoredCodes.Problem(d.Id.Problem)), (r, _, l) => l.IdProblem = r.NullableText(null)),
        new("id_upgraded", (w, _, d) => w.Boolean(d.Id.UpgradedFrom15), (r, _, l) => l.IdUpgraded = r.Boolean()),
        new("field_values", (w, _, d) => w.TextArray(Texts(d)), (r, p, l) => l.Values = r.TextArray(p)),
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

    public static Loaded Read(CopyRowReader r, StringPool pool)
    {
        var loaded = new Loaded();
        foreach (var column in Ordered)
        {
            column.Read(r, pool, loaded);
        }
        return loaded;
    }

    /// <summary>A record just parsed, as <see cref="Read"/> gives it back from the row <see cref="Write"/> stores (<see cref="StoredForm"/>).</summary>
    public static Loaded Kept(long extractId, DeclaredRecord record, StringPool pool)
    {
        var values = Texts(record);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = StoredForm.Optional(values[i], pool);
        }
        return new Loaded
        {
            ExtractId = extractId,
            Row = record.Row,
            Source = pool.Intern(record.Source.Id),
            Name = StoredForm.Text(record.Name, pool),
            IdText = StoredForm.Text(record.Id.Text ?? "", pool),
            IdKey = record.Id.Id?.Key,
            IdProblem = StoredCodes.Problem(record.Id.Problem),
            IdUpgraded = record.Id.UpgradedFrom15,
            Values = values,
        };
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
        FieldType.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldType.Month => ReportingMonth.Parse(text),
        FieldType.Money or FieldType.Number => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => text,
    };

    private static string Amount(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
