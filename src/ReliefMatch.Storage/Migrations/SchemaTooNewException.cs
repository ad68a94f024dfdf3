namespace ReliefMatch.Storage.Migrations;

/// <summary>The database was migrated by a newer ReliefMatch: this one must not touch it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int codeVersion)
    : Exception($"The ReliefMatch database has schema version {databaseVersion}, newer than this ReliefMatch knows ({codeVersion}). " +
                "It was written by a newer ReliefMatch; use that version (or newer) with this database.")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int CodeVersion { get; } = codeVersion;
}
