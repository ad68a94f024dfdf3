using Npgsql;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// The second wall behind the page checks: while a township user's request is inside <see cref="Enter"/>, the
/// workplace's reads of findings and returned worklists run as <see cref="DatabaseRoles.Township"/> with the user's
/// township set, so that PostgreSQL's row-level security returns that township's rows only, whatever the query asks.
/// </summary>
/// <remarks>
/// The wall is ambient (it flows with the request's async calls) so that no read can forget it: a page that
/// passes the wrong township, or none, still gets only the user's own rows. Writes are not walled: the batch and
/// the return upload write with the application role, which bypasses row-level security (binary COPY needs that).
/// </remarks>
public static class TownshipWall
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The township the current request is walled to, or null when it is not (county users, jobs, the CLI).</summary>
    public static string? Township => Current.Value;

    /// <summary>Walls the reads of the current async flow to <paramref name="township"/> until disposed.</summary>
    public static IDisposable Enter(string township)
    {
        ArgumentException.ThrowIfNullOrEmpty(township);
        var previous = Current.Value;
        Current.Value = township;
        return new Exit(previous);
    }

    /// <summary>
    /// A command on <paramref name="sql"/>: on a pooled connection of its own when there is no wall, else in a
    /// transaction that reads as <see cref="DatabaseRoles.Township"/> with the township set (both undone when the
    /// transaction ends, so the pooled connection goes back clean).
    /// </summary>
    internal static async Task<WalledCommand> CommandAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        if (Township is not { } township)
        {
            return new WalledCommand(dataSource.CreateCommand(sql), null, null);
        }
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var enter = new NpgsqlCommand(
                $"SELECT set_config('role', '{DatabaseRoles.Township}', true), set_config('{DatabaseRoles.TownshipSetting}', $1, true)", connection, transaction))
            {
                enter.Parameters.Add(new() { Value = township });
                await enter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new WalledCommand(new NpgsqlCommand(sql, connection, transaction), connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
