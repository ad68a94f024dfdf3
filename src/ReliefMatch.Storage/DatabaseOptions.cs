namespace ReliefMatch.Storage;

/// <summary>Which PostgreSQL to use.</summary>
public sealed record DatabaseOptions
{
    /// <summary>The environment variable holding a connection string of a PostgreSQL server to use instead of the private one.</summary>
    public const string EnvironmentVariable = "RELIEFMATCH_DB";

    /// <summary>
    /// The environment variable holding the connection string of the schema's owner, for migrations, when
    /// <see cref="EnvironmentVariable"/> names the application's role; unset, that one connection does both.
    /// </summary>
    public const string OwnerEnvironmentVariable = "RELIEFMATCH_DB_OWNER";

    /// <summary>The state folder: the private cluster lives in its <c>postgres</c> sub-folder. Default <c>./.reliefmatch</c>.</summary>
    public string Home { get; init; } = ".reliefmatch";

    /// <summary>
    /// A connection string of a server to use; no private cluster is then started. When null, <see cref="EnvironmentVariable"/>
    /// is used if set (and <see cref="UseEnvironment"/> is true), else the private cluster.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// The schema owner's connection string (migrations only) on a server given by <see cref="ConnectionString"/>;
    /// when null, <see cref="OwnerEnvironmentVariable"/> is used if set (and <see cref="UseEnvironment"/> is true),
    /// else <see cref="ConnectionString"/> does both.
    /// </summary>
    public string? OwnerConnectionString { get; init; }

    /// <summary>Whether <c>RELIEFMATCH_DB</c> is consulted when <see cref="ConnectionString"/> is null.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>The connection string that applies, or null for the private cluster.</summary>
    public string? EffectiveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        var fromEnvironment = UseEnvironment ? Environment.GetEnvironmentVariable(EnvironmentVariable) : null;
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }

    /// <summary>The owner's connection string that applies, or null when the application's does both (or for the private cluster).</summary>
    public string? EffectiveOwnerConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(OwnerConnectionString))
        {
            return OwnerConnectionString;
        }
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return null;
        }
        var fromEnvironment = UseEnvironment ? Environment.GetEnvironmentVariable(OwnerEnvironmentVariable) : null;
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}
