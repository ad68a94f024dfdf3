using Npgsql;

namespace ReliefMatch.Host.Jobs;

/// <summary>Tells a failure worth retrying (the database or the disk briefly away) from one that would fail again.</summary>
public static class TransientFailures
{
    /// <summary>
    /// True for a transient Npgsql failure (<see cref="NpgsqlException.IsTransient"/>: a dropped connection, a
    /// serialization failure, a timeout), a session the server ended because it was shutting down, crashing or
    /// starting (57P01–57P03: a stopped or restarted PostgreSQL says so before it closes the socket), an I/O error
    /// other than a missing file or folder, and a timeout; also when one of those is the inner exception of the
    /// failure. Everything else is false: data errors (a refused extract, a broken rule file, invalid stored data)
    /// and bugs fail at once, since a retry would fail the same way.
    /// </summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                    return true;
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
                case FileNotFoundException or DirectoryNotFoundException:
                    return false;
                case IOException or TimeoutException:
                    return true;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    return IsTransient(aggregate.InnerExceptions[0]);
            }
        }
        return false;
    }
}
