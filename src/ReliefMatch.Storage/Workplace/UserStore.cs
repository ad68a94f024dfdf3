using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// The workplace's users (<c>reliefmatch.users</c>). Passwords arrive here already hashed: hashing belongs to
/// the host, which signs people in; this store keeps the hash, the account's standing and the count of
/// sign-in attempts that locks an account for a while, and (<c>UserStore.Sessions.cs</c>) the signed-in browsers.
/// </summary>
public sealed partial class UserStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns = "id, name, role, township, password_hash, enabled, failed_sign_ins, locked_until, stamp, created_at";

    /// <summary>Adds a user; returns null when the name is taken (nothing is changed then).</summary>
    /// <exception cref="ArgumentException">An empty name, a township user without a township, or a county user with one.</exception>
    public async Task<WorkplaceUser?> AddAsync(string name, UserRole role, string? township, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (role == UserRole.Township && string.IsNullOrWhiteSpace(township))
        {
            throw new ArgumentException("A township user needs a township.", nameof(township));
        }
        if (role == UserRole.County && township is not null)
        {
            throw new ArgumentException("A county user has no township.", nameof(township));
        }
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO reliefmatch.users (name, role, township, password_hash, stamp, created_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (name) DO NOTHING
            RETURNING {Columns}
            """);
        cmd.Parameters.Add(new() { Value = name.Trim() });
        cmd.Parameters.Add(new() { Value = role.Id() });
        cmd.Parameters.Add(new() { Value = (object?)township?.Trim() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = passwordHash });
        cmd.Parameters.Add(new() { Value = NewStamp() });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await SingleAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkplaceUser?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM reliefmatch.users WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name.Trim() });
        return await SingleAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkplaceUser?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM reliefmatch.users WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        return await SingleAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every user, county users first, then by township and name (ordinal).</summary>
    public async Task<IReadOnlyList<WorkplaceUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM reliefmatch.users ORDER BY role, township COLLATE \"C\" NULLS FIRST, name COLLATE \"C\"");
        var users = new List<WorkplaceUser>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(Read(r));
        }
        return users;
    }

    /// <summary>Enables or disables an account; disabling signs the user out everywhere. False when no such user.</summary>
    public async Task<bool> SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.users SET enabled = $2, stamp = $3 WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name.Trim() });
        cmd.Parameters.Add(new() { Value = enabled });
        cmd.Parameters.Add(new() { Value = NewStamp() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Sets a new password (hashed), lifts a lock and signs the user out everywhere. False when no such user.</summary>
    public async Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        await using var cmd = dataSource.CreateCommand(
            "UPDATE reliefmatch.users SET password_hash = $2, stamp = $3, failed_sign_ins = 0, locked_until = NULL WHERE name = $1");
        cmd.Parameters.Add(new() { Value = name.Trim() });
        cmd.Parameters.Add(new() { Value = passwordHash });
        cmd.Parameters.Add(new() { Value = NewStamp() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Replaces the hash of the same password by a stronger one (after a sign-in); the user stays signed in.</summary>
    public async Task RehashAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.users SET password_hash = $2 WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = passwordHash });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims one password check before the password is checked, so that the lock-out holds however many
    /// attempts arrive at once: one statement counts the attempt and decides, the row lock making concurrent
    /// attempts wait their turn. An account that is not locked admits the attempt; the
    /// <paramref name="maxFailures"/>-th attempt since the last success (or since a lock ran out) locks the
    /// account for <paramref name="lockFor"/> from now at once, and only a right password then lifts the lock
    /// (<see cref="RecordSignInAsync"/>). A locked account refuses the attempt, and no password is checked.
    /// </summary>
    public async Task<SignInAttempt> BeginSignInAsync(long id, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        var now = time.GetUtcNow();
        await using (var cmd = dataSource.CreateCommand("""
            UPDATE reliefmatch.users SET
                failed_sign_ins = CASE WHEN locked_until <= $4 THEN 1 ELSE failed_sign_ins + 1 END,
                locked_until = CASE WHEN (CASE WHEN locked_until <= $4 THEN 1 ELSE failed_sign_ins + 1 END) >= $2 THEN $3 END
            WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $4)
            RETURNING failed_sign_ins, locked_until
            """))
        {
            cmd.Parameters.Add(new() { Value = id });
            cmd.Parameters.Add(new() { Value = maxFailures });
            cmd.Parameters.Add(new() { Value = now + lockFor, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new SignInAttempt(true, r.GetInt32(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1));
            }
        }
        // Refused: the lock as it stands now (read afresh, since the lock may have been set by an attempt that came in meanwhile).
        var user = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        return new SignInAttempt(false, user?.FailedSignIns ?? 0, user?.LockedUntil);
    }

    /// <summary>A right password: the count of attempts starts again from zero and a lock set by the last attempt is lifted.</summary>
    public async Task RecordSignInAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE reliefmatch.users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1 AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)");
        cmd.Parameters.Add(new() { Value = id });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static async Task<WorkplaceUser?> SingleAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(r) : null;
    }

    private static WorkplaceUser Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        Role = UserRoleText.TryParse(r.GetString(2), out var role) ? role : throw new InvalidDataException($"Unknown stored role '{r.GetString(2)}'."),
        Township = r.IsDBNull(3) ? null : r.GetString(3),
        PasswordHash = r.GetString(4),
        Enabled = r.GetBoolean(5),
        FailedSignIns = r.GetInt32(6),
        LockedUntil = r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        Stamp = r.GetString(8),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(9),
    };
}
