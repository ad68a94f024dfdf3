using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReliefMatch.Storage.Migrations;

/// <summary>
/// Brings the database to <see cref="Migration.Latest"/>: each pending migration in its own transaction, all
/// under one advisory lock so that two processes starting at once do not both apply them, and each recorded
/// in <c>reliefmatch.schema_version</c>. A database newer than the code is refused.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger logger)
{
    /// <summary>Advisory lock key for migrations ("RMmigr" in ASCII).</summary>
    internal const long LockKey = 0x524D_6D69_6772;

    /// <summary>Applies what is pending and returns the resulting version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, """
                CREATE SCHEMA IF NOT EXISTS reliefmatch;
                CREATE TABLE IF NOT EXISTS reliefmatch.schema_version (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """, cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (current > Migration.Latest)
            {
                throw new SchemaTooNewException(current, Migration.Latest);
            }
            foreach (var migration in Migration.All.Where(m => m.Version > current))
            {
                logger.LogInformation("Applying migration {Version:D4}_{Name}", migration.Version, migration.Name);
                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO reliefmatch.schema_version (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.Add(new() { Value = migration.Version });
                    record.Parameters.Add(new() { Value = migration.Name });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                current = migration.Version;
            }
            return current;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gives <paramref name="applicationRole"/> what the program needs and no more, run as the owner after the
    /// migrations (so tables made by later migrations are covered): use of every table of schema <c>reliefmatch</c>
    /// the owner controls, but on <c>audit_log</c> only INSERT and SELECT and on <c>schema_version</c> only SELECT,
    /// and membership of <see cref="DatabaseRoles.Township"/> (to read as it) and <see cref="DatabaseRoles.Records"/>
    /// (to attach an extract's partition). When the application connects as the owner itself, only the memberships
    /// are seen to. Partitions are left out: they are reached through their table.
    /// </summary>
    public async Task GrantAsync(string applicationRole, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationRole);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Under the migrations' lock: two processes granting on the same objects at once collide ("tuple concurrently updated").
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await GrantLockedAsync(connection, applicationRole, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task GrantLockedAsync(NpgsqlConnection connection, string applicationRole, CancellationToken cancellationToken)
    {
        await using (var grantee = new NpgsqlCommand("SELECT set_config('reliefmatch.grantee', $1, false), current_user", connection))
        {
            grantee.Parameters.Add(new() { Value = applicationRole });
            await using var r = await grantee.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (string.Equals(r.GetString(1), applicationRole, StringComparison.Ordinal))
            {
                applicationRole = "";
            }
        }
        try
        {
            await ExecuteAsync(connection, $"""
                DO $$
                BEGIN
                    IF NOT pg_has_role(current_setting('reliefmatch.grantee'), '{DatabaseRoles.Township}', 'MEMBER') THEN
                        EXECUTE format('GRANT {DatabaseRoles.Township} TO %I', current_setting('reliefmatch.grantee'));
                    END IF;
                    IF NOT pg_has_role(current_setting('reliefmatch.grantee'), '{DatabaseRoles.Records}', 'MEMBER') THEN
                        EXECUTE format('GRANT {DatabaseRoles.Records} TO %I', current_setting('reliefmatch.grantee'));
                    END IF;
                END
                $$;
                """, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseUnavailableException(
                $"The application's database role {applicationRole} must be a member of {DatabaseRoles.Township} and {DatabaseRoles.Records}, and the owner role may not grant that ({e.MessageText}). " +
                $"Fix: as a superuser, GRANT {DatabaseRoles.Township}, {DatabaseRoles.Records} TO {applicationRole};", e);
        }
        if (applicationRole.Length == 0)
        {
            return;
        }
        await ExecuteAsync(connection, """
            DO $$
            DECLARE
                grantee text := current_setting('reliefmatch.grantee');
                r record;
            BEGIN
                EXECUTE format('GRANT USAGE ON SCHEMA reliefmatch TO %I', grantee);
                FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'reliefmatch' AND c.relkind IN ('r', 'p', 'S') AND NOT c.relispartition
                           AND pg_has_role(current_user, c.relowner, 'USAGE') LOOP
                    IF r.relkind = 'S' THEN
                        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE reliefmatch.%I TO %I', r.relname, grantee);
                    ELSE
                        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON reliefmatch.%I TO %I', r.relname, grantee);
                    END IF;
                END LOOP;
                EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON reliefmatch.audit_log FROM %I', grantee);
                EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON reliefmatch.schema_version FROM %I', grantee);
            END
            $$;
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version recorded in the database (0 when none).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM reliefmatch.schema_version", connection);
        return (int)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
