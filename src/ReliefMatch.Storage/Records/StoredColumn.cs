namespace ReliefMatch.Storage.Records;

/// <summary>A column of a record table as the schema has it: name, PostgreSQL type (<c>udt_name</c>) and whether it takes NULL.</summary>
internal sealed record StoredColumn(string Name, string Type, bool Nullable);
