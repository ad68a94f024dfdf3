using Npgsql;

namespace ReliefMatch.Storage.Jobs;

/// <summary>Second data sources of an open <see cref="Database"/>.</summary>
public static class DatabaseDataSources
{
    /// <summary>
    /// A data source of its own on the same database and credentials: the job scheduler's, so that its polling
    /// and locks use their own connection pool and never starve the runs and the web of connections. The caller
    /// disposes it.
    /// </summary>
    public static NpgsqlDataSource CreateSeparate(this Database database, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = applicationName,
        };
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}
