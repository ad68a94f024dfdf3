using Npgsql;

namespace ReliefMatch.Tests.Storage.Records;

/// <summary>A table's columns as the migrated schema has them (<c>information_schema.columns</c>), in table order.</summary>
internal static class SchemaColumns
{
    public static async Task<Dictionary<string, (string Type, bool Nullable)>> ReadAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT column_name, udt_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'reliefmatch' AND table_name = $1 ORDER BY ordinal_position");
        cmd.Parameters.Add(new() { Value = table });
        var columns = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            columns.Add(r.GetString(0), (r.GetString(1), r.GetBoolean(2)));
        }
        return columns;
    }
}
