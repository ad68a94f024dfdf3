using Npgsql;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// A PostgreSQL session advisory lock named by text, held on a connection of its own until disposed: the
/// database, not the scheduler, keeps two servers (or two deliveries of one job) from running the same work
/// at once. When the process dies the session ends and PostgreSQL releases the lock.
/// </summary>
public sealed class JobLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _name;

    private JobLock(NpgsqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    public string Name => _name;

    /// <summary>Waits until the lock named <paramref name="name"/> is free and takes it.</summary>
    public static async Task<JobLock> AcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 };
            cmd.Parameters.Add(new() { Value = Key(name) });
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new JobLock(connection, name);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The text hashed into the lock key; transactions take the same key with pg_advisory_xact_lock.</summary>
    public static string Key(string name) => "job:" + name;

    public async ValueTask DisposeAsync()
    {
        await using (_connection.ConfigureAwait(false))
        {
            // A pooled connection keeps session locks until reset; release it now. A broken connection has lost it already.
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", _connection);
                    cmd.Parameters.Add(new() { Value = Key(_name) });
                    await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    // The session is gone, and its lock with it.
                }
            }
        }
    }
}
