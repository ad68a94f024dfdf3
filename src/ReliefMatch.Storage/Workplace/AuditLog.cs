using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// The append-only audit log (<c>reliefmatch.audit_log</c>): every download, every showing of full ID numbers,
/// sign-ins and returned worklists. The database itself refuses to change or delete a line (a trigger), so
/// this class only adds and reads. What it keeps can never be taken back, so a line never keeps a full ID: an ID
/// in the subject (a search for an ID number, a file named after a person) is masked 6+4 on the way in.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Adds a line stamped with the current time; returns its number.</summary>
    public async Task<long> WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO reliefmatch.audit_log (at, user_name, role, township, action, subject, rows, full_ids, address)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """);
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(entry.UserName) });
        cmd.Parameters.Add(new() { Value = (object?)entry.Role?.Id() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = entry.Township is { } t ? StoredCodes.Clean(t) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = entry.Action });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(IdText.MaskIds(entry.Subject)) });
        cmd.Parameters.Add(new() { Value = entry.Rows });
        cmd.Parameters.Add(new() { Value = entry.FullIds });
        cmd.Parameters.Add(new() { Value = (object?)entry.Address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The latest lines, newest first: at most <paramref name="limit"/>, older than line <paramref name="before"/> when given.</summary>
    public Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, long? before = null, CancellationToken cancellationToken = default) =>
        ListAsync(new AuditQuery { Limit = limit, Before = before }, cancellationToken);

    /// <summary>The lines <paramref name="query"/> asks for, newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, at, user_name, role, township, action, subject, rows, full_ids, address
            FROM reliefmatch.audit_log
            WHERE ($2::bigint IS NULL OR id < $2) AND ($3::text IS NULL OR user_name = $3) AND ($4::text IS NULL OR action = $4)
              AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
            ORDER BY id DESC LIMIT $1
            """);
        cmd.Parameters.Add(new() { Value = query.Limit });
        cmd.Parameters.Add(new() { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = string.IsNullOrWhiteSpace(query.UserName) ? DBNull.Value : query.UserName.Trim(), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = string.IsNullOrWhiteSpace(query.Action) ? DBNull.Value : query.Action.Trim(), NpgsqlDbType = NpgsqlDbType.Text });
                // PostgreSQL takes an instant in UTC only (Npgsql refuses another offset).
        cmd.Parameters.Add(new() { Value = (object?)query.From?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)query.Until?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var list = new List<AuditRecord>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            UserRole? role = !r.IsDBNull(3) && UserRoleText.TryParse(r.GetString(3), out var stored) ? stored : null;
            list.Add(new AuditRecord(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1),
                new AuditEntry(r.GetString(2), role, r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6))
                {
                    Rows = r.GetInt32(7),
                    FullIds = r.GetBoolean(8),
                    Address = r.IsDBNull(9) ? null : r.GetString(9),
                }));
        }
        return list;
    }
}
