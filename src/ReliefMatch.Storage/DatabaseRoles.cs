namespace ReliefMatch.Storage;

/// <summary>
/// The two group roles (NOLOGIN) the schema names, the same on every server: the private cluster makes them, on
/// another server the DBA does (README). The login roles (the schema's owner, the application's) are whatever the
/// connection strings say.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>
    /// What a township user's web request reads as (<c>SET LOCAL ROLE</c>): row-level security keeps it to the
    /// township named by the setting <see cref="TownshipSetting"/>, and to nothing when that is not set.
    /// The application role is a member, to be able to switch to it.
    /// </summary>
    public const string Township = "reliefmatch_township";

    /// <summary>
    /// Owns the partitioned record tables (roster, deaths, disability, medical, monitoring): the importer attaches
    /// each extract's partition to them, which PostgreSQL allows only to the table's owner. The schema's owner and
    /// the application role are members; it owns nothing else, so the application role owns no other table.
    /// </summary>
    public const string Records = "reliefmatch_records";

    /// <summary>The setting (transaction-local) that names the township a <see cref="Township"/> reader may see.</summary>
    public const string TownshipSetting = "reliefmatch.township";
}
