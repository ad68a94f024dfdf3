using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Workplace;

/// <summary>
/// Keeps each returned worklist and the outcome of each of its rows (<c>reliefmatch.worklist_returns</c>), so
/// that a township and the county can see what was handed back and why a row was not taken. A row's reference
/// and reason, and the return's problem, quote what the township typed into the file: an ID among it is kept
/// masked 6+4.
/// </summary>
public sealed class WorklistReturnStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Stores a return with its rows in one transaction; returns its id.</summary>
    public async Task<long> SaveAsync(WorklistReturn worklistReturn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(worklistReturn);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long id;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO reliefmatch.worklist_returns (at, user_name, township, file, sha256, rows_read, confirmed, dismissed, unchanged, blank, refused, problem)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
            """, connection))
        {
            cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new() { Value = StoredCodes.Clean(worklistReturn.UserName) });
            cmd.Parameters.Add(new() { Value = StoredCodes.Clean(worklistReturn.Township) });
            cmd.Parameters.Add(new() { Value = StoredCodes.Clean(worklistReturn.File) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Sha256 });
            cmd.Parameters.Add(new() { Value = worklistReturn.RowsRead });
            cmd.Parameters.Add(new() { Value = worklistReturn.Count(ReturnOutcome.Confirmed) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Count(ReturnOutcome.Dismissed) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Count(ReturnOutcome.Unchanged) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Count(ReturnOutcome.Blank) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Count(ReturnOutcome.Refused) });
            cmd.Parameters.Add(new() { Value = worklistReturn.Problem is { } p ? StoredCodes.Clean(IdText.MaskIds(p)) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            id = (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        if (worklistReturn.Rows.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY reliefmatch.worklist_return_rows (return_id, row, reference, outcome, reason, name, id_masked, rule_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var row in worklistReturn.Rows)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Row, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(StoredCodes.Clean(IdText.MaskIds(row.Reference)), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Outcome.Id(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, row.Reason, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, row.Name, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, row.MaskedId, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(copy, row.RuleId, cancellationToken).ConfigureAwait(false);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>A text that may quote what the township typed, any ID in it masked; null as null.</summary>
    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null
            ? copy.WriteNullAsync(cancellationToken)
            : copy.WriteAsync(StoredCodes.Clean(IdText.MaskIds(text)), NpgsqlDbType.Text, cancellationToken);

    private const string SummaryColumns = "id, at, user_name, township, file, rows_read, confirmed, dismissed, unchanged, blank, refused, problem";

    /// <summary>The latest returns, newest first, of one township when given.</summary>
    public async Task<IReadOnlyList<WorklistReturnSummary>> ListAsync(string? township, int limit, CancellationToken cancellationToken = default)
    {
        await using var walled = await TownshipWall.CommandAsync(dataSource, $"""
            SELECT {SummaryColumns}
            FROM reliefmatch.worklist_returns WHERE ($1::text IS NULL OR township = $1) ORDER BY id DESC LIMIT $2
            """, cancellationToken).ConfigureAwait(false);
        var cmd = walled.Command;
        cmd.Parameters.Add(new() { Value = (object?)township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = limit });
        var list = new List<WorklistReturnSummary>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadSummary(r));
        }
        return list;
    }

    /// <summary>One return, or null when there is none with that id.</summary>
    public async Task<WorklistReturnSummary?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var walled = await TownshipWall.CommandAsync(dataSource, $"SELECT {SummaryColumns} FROM reliefmatch.worklist_returns WHERE id = $1", cancellationToken).ConfigureAwait(false);
        var cmd = walled.Command;
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSummary(r) : null;
    }

    private static WorklistReturnSummary ReadSummary(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        At = r.GetFieldValue<DateTimeOffset>(1),
        UserName = r.GetString(2),
        Township = r.GetString(3),
        File = r.GetString(4),
        RowsRead = r.GetInt32(5),
        Confirmed = r.GetInt32(6),
        Dismissed = r.GetInt32(7),
        Unchanged = r.GetInt32(8),
        Blank = r.GetInt32(9),
        Refused = r.GetInt32(10),
        Problem = r.IsDBNull(11) ? null : r.GetString(11),
    };

    /// <summary>The rows of a return, in file order.</summary>
    public async Task<IReadOnlyList<WorklistReturnRow>> RowsAsync(long returnId, CancellationToken cancellationToken = default)
    {
        await using var walled = await TownshipWall.CommandAsync(dataSource, "SELECT row, reference, outcome, reason, name, id_masked, rule_id FROM reliefmatch.worklist_return_rows WHERE return_id = $1 ORDER BY row", cancellationToken).ConfigureAwait(false);
        var cmd = walled.Command;
        cmd.Parameters.Add(new() { Value = returnId });
        var list = new List<WorklistReturnRow>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new WorklistReturnRow(r.GetInt32(0), r.GetString(1), ReturnOutcomeText.Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3))
            {
                Name = r.IsDBNull(4) ? null : r.GetString(4),
                MaskedId = r.IsDBNull(5) ? null : r.GetString(5),
                RuleId = r.IsDBNull(6) ? null : r.GetString(6),
            });
        }
        return list;
    }
}
