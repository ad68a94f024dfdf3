using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Imports;

/// <summary>
/// The rows an extract's import rejected, as stored (reliefmatch.rejected_rows): in row order, then by column, value
/// and reason, so that every reading lists them the same way.
/// </summary>
public static class StoredRejects
{
    /// <summary>The query: <c>$1</c> the extract's id, <c>$2</c> the most rows to read (null: all).</summary>
    public const string Sql = """
        SELECT row, column_name, value, reason FROM reliefmatch.rejected_rows WHERE extract_id = $1
        ORDER BY row, column_name COLLATE "C", value COLLATE "C", reason COLLATE "C" LIMIT $2
        """;

    /// <summary>Runs <paramref name="cmd"/> (made with <see cref="Sql"/>) for an extract.</summary>
    public static async Task<IReadOnlyList<RejectedRow>> ReadAsync(NpgsqlCommand cmd, long extractId, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        cmd.Parameters.Add(new() { Value = extractId });
        cmd.Parameters.Add(new() { Value = (object?)limit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        var rejects = new List<RejectedRow>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rejects.Add(new RejectedRow(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }
        return rejects;
    }
}
