using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// What the sanity checks compare of an extract (<c>reliefmatch.extract_profiles</c>), counted while its records stream
/// into the COPY and stored in the same transaction: its header columns, the townships its records name and, per declared
/// date field, how many dates fall in each month. A declared source without a record table of its own keeps its values
/// in one array column (<see cref="DeclaredRecordCopy"/>): its township is the entry of a stored field named
/// <c>township</c>, its dates those of its stored date and month fields, so its extracts are checked as the typed
/// sources' are.
/// </summary>
/// <remarks>
/// The figures are those of the values as the partition holds them, exactly as reading the partition back would give
/// them (a township as stored, spaces trimmed at both ends as <c>btrim</c> trims, blank ones left out, in the byte order
/// of its UTF-8 text as <c>COLLATE "C"</c> sorts; a date's month <c>YYYY-MM</c>, a declared entry's first seven
/// characters). Counting them here rather than querying the partition after the COPY saves the server a scan of every
/// row per field (several seconds of a province import). A record costs one dictionary look-up per date field and, when
/// its township is not the last record's, one for the township; it allocates nothing. The stored forms and the months
/// are made once per distinct value, at the end.
/// </remarks>
internal sealed class ExtractProfile
{
    private static readonly Comparer<byte[]> Utf8Order = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    private readonly Func<ExtractRecord, object?>? _township;
    private readonly HashSet<object> _townships = [];
    private readonly DateField[] _dates;
    private object? _lastTownship;

    private ExtractProfile(Func<ExtractRecord, object?>? township, DateField[] dates)
    {
        _township = township;
        _dates = dates;
    }

    /// <summary>An empty profile of an extract of <paramref name="source"/>, whose records <see cref="Add"/> counts.</summary>
    public static ExtractProfile For(SourceRef source)
    {
        var fields = source.Declaration?.Fields ?? [];
        if (source.Kind is { } kind)
        {
            // A typed source: its column named township, and its declared date fields that have a column.
            var layout = RecordLayouts.For(kind);
            var dates = new List<DateField>();
            foreach (var field in fields.Where(f => f.Type == FieldType.Date))
            {
                if (layout.Values<DateOnly?>(field.Name) is { } optional)
                {
                    dates.Add(new DateField(field.Name, optional, null));
                }
                else if (layout.Values<DateOnly>(field.Name) is { } required)
                {
                    dates.Add(new DateField(field.Name, r => required(r), null));
                }
                else if (layout.Columns.Any(c => string.Equals(c.Name, field.Name, StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"The date field {field.Name} of source {source.Id} is stored in {layout.Table} as a column that holds no dates.");
                }
            }
            var township = layout.Columns.Any(c => string.Equals(c.Name, "township", StringComparison.Ordinal))
                ? layout.Values<string?>("township") ?? throw new InvalidOperationException($"The township column of {layout.Table} holds no text.")
                : null;
            return new ExtractProfile(township, [.. dates]);
        }
        Func<ExtractRecord, object?>? declaredTownship = null;
        var declaredDates = new List<DateField>();
        for (var i = 0; i < fields.Count; i++)
        {
            var at = i;
            if (!fields[i].Stored)
            {
                continue;
            }
            if (string.Equals(fields[i].Name, "township", StringComparison.Ordinal))
            {
                declaredTownship = r => ((DeclaredRecord)r).Values[at];
            }
            else if (fields[i].Type is FieldType.Date or FieldType.Month)
            {
                declaredDates.Add(new DateField(fields[i].Name, null, r => ((DeclaredRecord)r).Values[at]));
            }
        }
        return new ExtractProfile(declaredTownship, [.. declaredDates]);
    }

    /// <summary>Counts one record written to the extract's partition.</summary>
    public void Add(ExtractRecord record)
    {
        // A township repeats row after row (and the readers pool its text): the same one as the last record's is counted already.
        if (_township?.Invoke(record) is { } township && !ReferenceEquals(township, _lastTownship))
        {
            _townships.Add(township);
            _lastTownship = township;
        }
        foreach (var date in _dates)
        {
            date.Add(record);
        }
    }

    /// <summary>The townships as the partition holds them, trimmed of spaces, blank ones left out, distinct, in UTF-8 byte order; null when the source has none.</summary>
    public string[]? Townships() => _township is null
        ? null
        : _townships.Select(t => StoredText(t).Trim(' ')).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(t => (Text: t, Bytes: Encoding.UTF8.GetBytes(t))).OrderBy(t => t.Bytes, Utf8Order).Select(t => t.Text).ToArray();

    /// <summary>Per date field with a value on any record, by field name: the count of values per month.</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> DateMonths()
    {
        var months = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var date in _dates)
        {
            if (date.Months() is { Count: > 0 } counts)
            {
                months[date.Name] = counts;
            }
        }
        return months;
    }

    /// <summary>Stores the profile of extract <paramref name="extractId"/>, whose file had the header cells <paramref name="columns"/>.</summary>
    public async Task RecordAsync(NpgsqlConnection connection, long extractId, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO reliefmatch.extract_profiles (extract_id, columns, townships, date_months) VALUES ($1, $2, $3, $4::jsonb)", connection);
        insert.Parameters.Add(new() { Value = extractId });
        insert.Parameters.Add(new() { Value = columns.Select(c => IdText.MaskIds(StoredCodes.Clean(c).Trim())).Where(c => c.Length > 0).ToArray() });
        insert.Parameters.Add(new() { Value = (object?)Townships() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(DateMonths()) });
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The text the partition holds for a value: its invariant text (<see cref="DeclaredRecordCopy.ToText"/>), cleaned as
    /// every stored text is, as UTF-8 gives it back (a lone surrogate is stored as U+FFFD).
    /// </summary>
    private static string StoredText(object value) =>
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(StoredCodes.Clean(DeclaredRecordCopy.ToText(value))));

    /// <summary>
    /// The values of one date or month field, counted per distinct value: a date by its day number, anything else (a
    /// declared month) by the value itself.
    /// </summary>
    private sealed class DateField(string name, Func<ExtractRecord, DateOnly?>? date, Func<ExtractRecord, object?>? value)
    {
        private readonly Dictionary<int, int> _days = [];
        private readonly Dictionary<object, int> _others = [];

        public string Name => name;

        public void Add(ExtractRecord record)
        {
            if (date is not null)
            {
                if (date(record) is { } day)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_days, day.DayNumber, out _)++;
                }
                return;
            }
            switch (value!(record))
            {
                case null:
                    break;
                case DateOnly day:
                    CollectionsMarshal.GetValueRefOrAddDefault(_days, day.DayNumber, out _)++;
                    break;
                case var other:
                    CollectionsMarshal.GetValueRefOrAddDefault(_others, other, out _)++;
                    break;
            }
        }

        /// <summary>
        /// The count per month: a date's <c>YYYY-MM</c> (as <c>to_char</c> gives it, and as the first seven characters of
        /// a declared date's stored <c>YYYY-MM-DD</c>), any other value's first seven characters as stored.
        /// </summary>
        public SortedDictionary<string, int> Months()
        {
            var months = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (day, n) in _days)
            {
                Count(months, DateOnly.FromDayNumber(day).ToString("yyyy-MM", CultureInfo.InvariantCulture), n);
            }
            foreach (var (other, n) in _others)
            {
                Count(months, FirstCharacters(StoredText(other), 7), n);
            }
            return months;
        }

        private static void Count(SortedDictionary<string, int> months, string month, int n) => months[month] = months.GetValueOrDefault(month) + n;

        /// <summary>The first <paramref name="count"/> characters as PostgreSQL's <c>left</c> counts them: code points, not UTF-16 units.</summary>
        private static string FirstCharacters(string text, int count)
        {
            var end = 0;
            for (var n = 0; n < count && end < text.Length; n++)
            {
                end += char.IsSurrogatePair(text, end) ? 2 : 1;
            }
            return text[..end];
        }
    }
}
