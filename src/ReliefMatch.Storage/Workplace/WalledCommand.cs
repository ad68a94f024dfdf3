using Npgsql;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// A command and, when walled, the connection and transaction it owns (the transaction is rolled back on disposal:
/// it only read, and the role and setting it took end with it).
/// </summary>
internal sealed class WalledCommand(NpgsqlCommand command, NpgsqlConnection? connection, NpgsqlTransaction? transaction) : IAsyncDisposable
{
    public NpgsqlCommand Command { get; } = command;

    public async ValueTask DisposeAsync()
    {
        await Command.DisposeAsync().ConfigureAwait(false);
        if (transaction is not null)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
