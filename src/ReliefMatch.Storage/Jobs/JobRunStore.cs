using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// The record of job executions (reliefmatch.job_runs): every execution is a row, a retry or a repeated
/// delivery included, so that the runs page shows what really happened. Details never carry personal data: an
/// ID in one (quoted by an error's message) is masked 6+4 on the way in.
/// </summary>
public sealed class JobRunStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// Records the start of an execution and returns its id. The caller holds the job's <see cref="JobLock"/>:
    /// any other execution of the same job still marked running (of the same key, or of any key when
    /// <paramref name="lockCoversEveryKey"/>) cannot be under way, its process died, and it is marked abandoned.
    /// </summary>
    public async Task<long> StartAsync(string job, string key, string? backgroundId, int attempt, string? server, bool lockCoversEveryKey = false,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var abandon = new NpgsqlCommand("""
            UPDATE reliefmatch.job_runs SET outcome = 'abandoned', finished_at = $3,
                detail = coalesce(detail || ' ', '') || '（之后的一次执行发现它未完成：其进程中途中止）'
            WHERE job = $1 AND ($4 OR key = $2) AND outcome = 'running'
            """, connection))
        {
            abandon.Parameters.Add(new() { Value = job });
            abandon.Parameters.Add(new() { Value = key });
            abandon.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            abandon.Parameters.Add(new() { Value = lockCoversEveryKey });
            await abandon.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        long id;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reliefmatch.job_runs (job, key, background_id, attempt, server, started_at, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, 'running') RETURNING id
            """, connection))
        {
            insert.Parameters.Add(new() { Value = job });
            insert.Parameters.Add(new() { Value = key });
            insert.Parameters.Add(new() { Value = (object?)backgroundId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = attempt });
            insert.Parameters.Add(new() { Value = (object?)server ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Records how an execution ended. Written even when the job's own token is cancelled.</summary>
    public async Task FinishAsync(long runId, JobOutcome outcome, string? detail)
    {
        if (outcome is JobOutcome.Running or JobOutcome.Abandoned)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An execution finishes as succeeded, failed, cancelled or refused.");
        }
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.job_runs SET outcome = $2, finished_at = $3, detail = $4 WHERE id = $1");
        cmd.Parameters.Add(new() { Value = runId });
        cmd.Parameters.Add(new() { Value = Text(outcome) });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = (object?)(detail is null ? null : StoredCodes.Clean(IdText.MaskIds(detail))) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The latest executions, newest first; of one job when <paramref name="job"/> is given.</summary>
    public async Task<IReadOnlyList<JobRun>> ListAsync(int limit = 100, string? job = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, job, key, background_id, attempt, server, started_at, finished_at, outcome, detail
            FROM reliefmatch.job_runs WHERE $1::text IS NULL OR job = $1
            ORDER BY started_at DESC, id DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = (object?)job ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = limit });
        var runs = new List<JobRun>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new JobRun(
                r.GetInt64(0),
                r.GetString(1),
                r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6),
                r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
                ParseOutcome(r.GetString(8)),
                r.IsDBNull(9) ? null : r.GetString(9)));
        }
        return runs;
    }

    public static string Text(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "running",
        JobOutcome.Succeeded => "succeeded",
        JobOutcome.Failed => "failed",
        JobOutcome.Cancelled => "cancelled",
        JobOutcome.Abandoned => "abandoned",
        JobOutcome.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>How an outcome reads on the runs page.</summary>
    public static string Chinese(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Running => "运行中",
        JobOutcome.Succeeded => "已完成",
        JobOutcome.Failed => "失败",
        JobOutcome.Cancelled => "已取消",
        JobOutcome.Abandoned => "中途中止",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static JobOutcome ParseOutcome(string text) => text switch
    {
        "running" => JobOutcome.Running,
        "succeeded" => JobOutcome.Succeeded,
        "failed" => JobOutcome.Failed,
        "cancelled" => JobOutcome.Cancelled,
        "abandoned" => JobOutcome.Abandoned,
        "refused" => JobOutcome.Refused,
        _ => throw new InvalidDataException($"Unknown stored job outcome '{text}'."),
    };
}
