using Npgsql;

namespace ReliefMatch.Tests.Storage;

/// <summary>Small queries the storage tests use to look at what was stored.</summary>
internal static class StorageTestDb
{
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string table, string where = "true")
    {
        await using var cmd = dataSource.CreateCommand($"SELECT count(*) FROM reliefmatch.{table} WHERE {where}");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of a query as text, row versions (xmin) included when asked: equal dumps mean nothing was written.</summary>
    public static async Task<string> DumpAsync(NpgsqlDataSource dataSource, string query)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM ({query}) t");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
