using Npgsql;
using NpgsqlTypes;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// The sessions of signed-in browsers (<c>reliefmatch.sessions</c>): made at sign-in, checked on every request,
/// deleted at sign-out, so that the server, not the cookie, decides whether a browser is still signed in.
/// </summary>
public sealed partial class UserStore
{
    /// <summary>
    /// Starts a session for a user who has just signed in and returns its id (random, 128 bits). Sessions idle
    /// for longer than <paramref name="idle"/> are cleared on the way.
    /// </summary>
    public async Task<string> StartSessionAsync(long userId, string? address, TimeSpan idle, CancellationToken cancellationToken = default)
    {
        var id = NewStamp();
        var now = time.GetUtcNow();
        await using var batch = dataSource.CreateBatch();
        var clear = new NpgsqlBatchCommand("DELETE FROM reliefmatch.sessions WHERE seen_at <= $1");
        clear.Parameters.Add(new() { Value = now - idle, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var add = new NpgsqlBatchCommand("INSERT INTO reliefmatch.sessions (id, user_id, created_at, seen_at, address) VALUES ($1, $2, $3, $3, $4)");
        add.Parameters.Add(new() { Value = id });
        add.Parameters.Add(new() { Value = userId });
        add.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        add.Parameters.Add(new() { Value = (object?)address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(clear);
        batch.BatchCommands.Add(add);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// The user of a live session, marking it as seen now; null when the session was ended, or idle for longer
    /// than <paramref name="idle"/>.
    /// </summary>
    public async Task<WorkplaceUser?> FindBySessionAsync(string sessionId, TimeSpan idle, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            WITH live AS (
                UPDATE reliefmatch.sessions SET seen_at = $2 WHERE id = $1 AND seen_at > $3 RETURNING user_id
            )
            SELECT {Columns} FROM reliefmatch.users WHERE id = (SELECT user_id FROM live)
            """);
        var now = time.GetUtcNow();
        cmd.Parameters.Add(new() { Value = sessionId });
        cmd.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = now - idle, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await SingleAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a session (sign-out): its cookie, and every copy of it, no longer signs anyone in.</summary>
    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM reliefmatch.sessions WHERE id = $1");
        cmd.Parameters.Add(new() { Value = sessionId });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
