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
