using System.Collections.Concurrent;
using Npgsql;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Host.Jobs;

/// <summary>Jobs that fail the ways real jobs fail, counting their executions by a key (the only argument).</summary>
public sealed class FlakyJobs
{
    public static ConcurrentDictionary<string, int> Executions { get; } = new(StringComparer.Ordinal);

    /// <summary>The database connection drops every time.</summary>
    public void DatabaseAlwaysAway(string key)
    {
        Executions.AddOrUpdate(key, 1, (_, n) => n + 1);
        throw new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"));
    }

    /// <summary>The database is away once, then back.</summary>
    public void DatabaseAwayOnce(string key)
    {
        if (Executions.AddOrUpdate(key, 1, (_, n) => n + 1) == 1)
        {
            throw new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"));
        }
    }

    /// <summary>An extract refused as a whole: the same file would be refused again.</summary>
    public void RefusedExtract(string key)
    {
        Executions.AddOrUpdate(key, 1, (_, n) => n + 1);
        throw new ExtractRefusedException("roster/x.csv", "required columns missing: 姓名", ["序号"]);
    }

    /// <summary>A failure quoting a resident ID, in its message and in an inner exception's.</summary>
    public void QuotesAnId(string key)
    {
        Executions.AddOrUpdate(key, 1, (_, n) => n + 1);
        throw new InvalidOperationException("row 7: 45032619800101123X is enrolled twice",
            new ArgumentException("key (id_number)=(45032619800101123X) already exists"));
    }
}
