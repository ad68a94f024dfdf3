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
/// values in one array column, so only its header columns are recorded.
/// </summary>
internal static class ExtractProfiles
{
    public static async Task RecordAsync(NpgsqlConnection connection, SourceRef source, long extractId, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var partition = RecordCopy.Partition(source, extractId);
        var stored = RecordCopy.Columns(source).Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        string[]? townships = null;
        if (stored.Contains("township"))
        {
            await using var cmd = new NpgsqlCommand($"SELECT DISTINCT btrim(township) COLLATE \"C\" AS t FROM {partition} WHERE btrim(coalesce(township, '')) <> '' ORDER BY t", connection) { CommandTimeout = 0 };
            var list = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(r.GetString(0));
            }
            townships = [.. list];
        }
        var dateFields = (source.Declaration?.Fields ?? []).Where(f => f.Type == FieldType.Date && stored.Contains(f.Name)).Select(f => f.Name).ToList();
        var months = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        if (dateFields.Count > 0)
        {
            var sql = string.Join(" UNION ALL ", dateFields.Select(f =>
                $"SELECT '{f}', to_char({f}, 'YYYY-MM'), count(*)::int FROM {partition} WHERE {f} IS NOT NULL GROUP BY 2"));
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
}
