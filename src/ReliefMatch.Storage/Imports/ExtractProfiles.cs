using System.Globalization;
using System.Text.Json;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// Records, in the transaction that stores an extract, what the sanity checks compare of it
/// (<c>reliefmatch.extract_profiles</c>): its header columns, the townships its records name and, per declared date
/// field, how many dates fall in each month. Read from the extract's own partition before it is attached, so the
/// source's table is not locked any longer than before. A declared source without a record table of its own keeps its
/// values in one array column (<see cref="DeclaredRecordCopy"/>): its township is the entry of a stored field named
/// <c>township</c>, its dates those of its stored date and month fields, so its extracts are checked as the typed
/// sources' are.
/// </summary>
internal static class ExtractProfiles
{
    public static async Task RecordAsync(NpgsqlConnection connection, SourceRef source, long extractId, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var partition = RecordCopy.Partition(source, extractId);
        var (township, dates) = Expressions(source);
        string[]? townships = null;
        if (township is not null)
        {
            await using var cmd = new NpgsqlCommand($"SELECT DISTINCT btrim({township}) COLLATE \"C\" AS t FROM {partition} WHERE btrim(coalesce({township}, '')) <> '' ORDER BY t", connection) { CommandTimeout = 0 };
            var list = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(r.GetString(0));
            }
            townships = [.. list];
        }
        var months = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        if (dates.Count > 0)
        {
            // Grouped by the value first and only then by its month: a partition has a few hundred distinct dates, and
            // formatting each of millions of rows as a month cost a province import about 6 s of the server's time.
            var sql = string.Join(" UNION ALL ", dates.Select(d =>
                $"SELECT '{d.Field}', {d.Month}, sum(n)::int FROM (SELECT {d.Value} AS v, count(*) AS n FROM {partition} WHERE {d.Value} IS NOT NULL GROUP BY 1) g GROUP BY 2"));
            await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var field = r.GetString(0);
                if (!months.TryGetValue(field, out var counts))
                {
                    months[field] = counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                }
                counts[r.GetString(1)] = r.GetInt32(2);
            }
        }
        await using var insert = new NpgsqlCommand(
            "INSERT INTO reliefmatch.extract_profiles (extract_id, columns, townships, date_months) VALUES ($1, $2, $3, $4::jsonb)", connection);
        insert.Parameters.Add(new() { Value = extractId });
        insert.Parameters.Add(new() { Value = columns.Select(c => IdText.MaskIds(StoredCodes.Clean(c).Trim())).Where(c => c.Length > 0).ToArray() });
        insert.Parameters.Add(new() { Value = (object?)townships ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(months) });
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The SQL of a record's township (null when the source has none) and, per date field, of its value on a record and of
    /// that value's month (<c>YYYY-MM</c>, in terms of <c>v</c>, the value): a typed source's columns, or a declared
    /// source's entries of <c>field_values</c> (dates stored as <c>2023-07-04</c>, months as <c>2023-07</c>: the month is
    /// their first seven characters).
    /// </summary>
    private static (string? Township, List<(string Field, string Value, string Month)> Dates) Expressions(SourceRef source)
    {
        var fields = source.Declaration?.Fields ?? [];
        if (source.Kind is not null)
        {
            var stored = RecordCopy.Columns(source).Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
            return (stored.Contains("township") ? "township" : null,
                fields.Where(f => f.Type == FieldType.Date && stored.Contains(f.Name)).Select(f => (f.Name, f.Name, "to_char(v, 'YYYY-MM')")).ToList());
        }
        // field_values is 1-based in SQL; the field names are the declaration's, checked as identifiers when it was read.
        string Entry(int i) => string.Create(CultureInfo.InvariantCulture, $"field_values[{i + 1}]");
        string? township = null;
        var dates = new List<(string, string, string)>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Stored)
            {
                continue;
            }
            if (string.Equals(fields[i].Name, "township", StringComparison.Ordinal))
            {
                township = Entry(i);
            }
            else if (fields[i].Type is FieldType.Date or FieldType.Month)
            {
                dates.Add((fields[i].Name, $"left({Entry(i)}, 7)", "v"));
            }
        }
        return (township, dates);
    }
}
