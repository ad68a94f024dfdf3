using System.Text.Json;
using Npgsql;
using ReliefMatch.Storage.Cluster;

namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// The private cluster of a <c>--home</c> that another process runs, seen from outside it: with the cluster's own
/// superuser password and port, as an operator would look, without starting or stopping anything.
/// </summary>
public static class HomeDatabase
{
    /// <summary>
    /// Whether a statement matching <paramref name="queryLike"/> (an SQL LIKE pattern) is running now on the home's
    /// server; false while the cluster does not exist yet or its server is not answering.
    /// </summary>
    public static async Task<bool> RunningAsync(string home, string queryLike)
    {
        var folder = Path.Combine(home, "postgres");
        var state = Path.Combine(folder, "cluster.json");
        var password = Path.Combine(folder, "password");
        if (!File.Exists(state) || !File.Exists(password) || !File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
        {
            return false;
        }
        try
        {
            var port = JsonDocument.Parse(await File.ReadAllTextAsync(state)).RootElement.GetProperty("Port").GetInt32();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = PrivateCluster.UserName, Password = (await File.ReadAllTextAsync(password)).Trim(),
                Database = "postgres", Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1", connection);
            command.Parameters.AddWithValue(queryLike);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or JsonException)
        {
            return false;   // being created, starting or stopping
        }
    }
}
