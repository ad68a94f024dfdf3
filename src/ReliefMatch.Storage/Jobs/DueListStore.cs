using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Checks;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// Keeps the household due lists (reliefmatch.due_lists and due_list_items), one per kind and month. Saving
/// a list again replaces it when its content differs (a later roster) and changes nothing when it is the same,
/// in one transaction under a per-list lock: a save cut off mid-way leaves the earlier list whole.
/// </summary>
public sealed class DueListStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Stores the list; returns whether anything was written.</summary>
    public async Task<bool> SaveAsync(DueListKind kind, ReportingMonth key, DateOnly asOf, int intervalMonths, IReadOnlyList<RecheckDue> items,
        RosterSnapshot roster, long? jobRunId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(roster);
        var fingerprint = Fingerprint(asOf, intervalMonths, roster, items);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 })
        {
            lockCmd.Parameters.Add(new() { Value = $"due:{kind.Id()}:{key}" });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long? existing = null;
        await using (var cmd = new NpgsqlCommand("SELECT id, content_sha256 FROM reliefmatch.due_lists WHERE kind = $1 AND key = $2", connection))
        {
            cmd.Parameters.Add(new() { Value = kind.Id() });
            cmd.Parameters.Add(new() { Value = key.ToString() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(r.GetString(1), fingerprint, StringComparison.Ordinal))
                {
                    return false;
                }
                existing = r.GetInt64(0);
            }
        }

        var parameters = new object?[]
        {
            kind.Id(), key.ToString(), asOf, intervalMonths, items.Count, items.Count(i => i.Overdue), roster.Period,
            roster.ExtractIds.ToArray(), fingerprint, time.GetUtcNow(), jobRunId,
        };
        long listId;
        if (existing is { } id)
        {
            await ExecAsync(connection, "DELETE FROM reliefmatch.due_list_items WHERE list_id = $1", cancellationToken, id).ConfigureAwait(false);
            await ExecAsync(connection, """
                UPDATE reliefmatch.due_lists SET as_of = $3, interval_months = $4, households = $5, overdue = $6, roster_period = $7,
                    roster_extracts = $8, content_sha256 = $9, built_at = $10, job_run_id = $11
                WHERE kind = $1 AND key = $2
                """, cancellationToken, parameters).ConfigureAwait(false);
            listId = id;
        }
        else
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO reliefmatch.due_lists (kind, key, as_of, interval_months, households, overdue, roster_period, roster_extracts, content_sha256, built_at, job_run_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
                """, connection);
            Bind(insert, parameters);
            listId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY reliefmatch.due_list_items (list_id, ord, household_id, township, village, head_name, head_id_number, programmes, last_check_on, due_on, overdue, signals) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var d = items[i];
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(listId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(i + 1, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(d.HouseholdId), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(d.Township), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(d.Village), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(d.HeadName), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(d.HeadIdNumber), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(d.Programmes.Select(p => p.Id()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteDateAsync(copy, d.LastCheckOn, cancellationToken).ConfigureAwait(false);
                await WriteDateAsync(copy, d.DueOn, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(d.Overdue, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(d.Signals.Select(s => StoredCodes.Clean(s.Source + ": " + s.Text)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The stored lists, newest month first; of one kind when <paramref name="kind"/> is given.</summary>
    public async Task<IReadOnlyList<DueListSummary>> ListAsync(DueListKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT {SummaryColumns} FROM reliefmatch.due_lists WHERE $1::text IS NULL OR kind = $1 ORDER BY key DESC, kind
            """);
        cmd.Parameters.Add(new() { Value = (object?)kind?.Id() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var lists = new List<DueListSummary>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lists.Add(ReadSummary(r));
        }
        return lists;
    }

    /// <summary>One list with its households, or null when it was never built.</summary>
    public async Task<StoredDueList?> GetAsync(DueListKind kind, ReportingMonth key, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        DueListSummary summary;
        await using (var cmd = new NpgsqlCommand($"SELECT {SummaryColumns} FROM reliefmatch.due_lists WHERE kind = $1 AND key = $2", connection))
        {
            cmd.Parameters.Add(new() { Value = kind.Id() });
            cmd.Parameters.Add(new() { Value = key.ToString() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            summary = ReadSummary(r);
        }
        var items = new List<RecheckDue>(summary.Households);
        await using (var cmd = new NpgsqlCommand("""
            SELECT household_id, township, village, head_name, head_id_number, programmes, last_check_on, due_on, overdue, signals
            FROM reliefmatch.due_list_items WHERE list_id = $1 ORDER BY ord
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = summary.Id });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new RecheckDue(
                    r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.GetFieldValue<string[]>(5).Select(StoredCodes.ParseProgramme).ToArray(),
                    r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
                    r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
                    r.GetBoolean(8),
                    r.GetFieldValue<string[]>(9).Select(ParseSignal).ToArray()));
            }
        }
        return new StoredDueList(summary, items);
    }

    private const string SummaryColumns = "id, kind, key, as_of, interval_months, households, overdue, roster_period, roster_extracts, built_at";

    private static DueListSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        DueListKinds.TryParse(r.GetString(1), out var kind) ? kind : throw new InvalidDataException($"Unknown stored due-list kind '{r.GetString(1)}'."),
        ReportingMonth.Parse(r.GetString(2)),
        r.GetFieldValue<DateOnly>(3),
        r.GetInt32(4),
        r.GetInt32(5),
        r.GetInt32(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetFieldValue<long[]>(8),
        r.GetFieldValue<DateTimeOffset>(9));

    private static EconomicSignal ParseSignal(string stored)
    {
        var colon = stored.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? new EconomicSignal("", stored) : new EconomicSignal(stored[..colon], stored[(colon + 2)..]);
    }

    /// <summary>SHA-256 over everything the list says, so that building it again from the same roster writes nothing.</summary>
    private static string Fingerprint(DateOnly asOf, int intervalMonths, RosterSnapshot roster, IReadOnlyList<RecheckDue> items)
    {
        var text = new StringBuilder();
        text.Append(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(intervalMonths).Append('\u001f').Append(roster.Period).Append('\u001f').AppendJoin(',', roster.ExtractIds).Append('\u001e');
        foreach (var d in items)
        {
            text.AppendJoin('\u001f', d.HouseholdId, d.Township, d.Village, d.HeadName, d.HeadIdNumber, string.Join(",", d.Programmes.Select(p => p.Id())),
                d.LastCheckOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                d.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                d.Overdue ? "1" : "0", string.Join("\u001d", d.Signals.Select(s => s.Source + ": " + s.Text))).Append('\u001e');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task WriteDateAsync(NpgsqlBinaryImporter copy, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } d)
        {
            await copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        Bind(cmd, parameters);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(NpgsqlCommand cmd, object?[] parameters)
    {
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(p switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
                DateTimeOffset at => new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = p },
            });
        }
    }
}
