using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// The parts of a monthly run split by resident ID (<see cref="ReliefMatch.Core.Matching.IdPartition"/>): each part's
/// findings are kept here until the last part is in and the merge saves the run through <see cref="FindingStore"/>.
/// </summary>
public sealed class RunParts(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Marks run <paramref name="runId"/> (from <see cref="FindingStore.StartRunAsync"/>) as split into <paramref name="parts"/> parts.</summary>
    public async Task SplitAsync(long runId, int parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 2);
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.runs SET parts = $2 WHERE id = $1 AND status = 'running'");
        cmd.Parameters.AddWithValue(runId);
        cmd.Parameters.AddWithValue(parts);
        if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"Run {runId} is not a running run; it cannot be split.");
        }
    }

    /// <summary>
    /// Keeps what one part found. A part saved twice (a job delivered again) keeps its first result. Returns true
    /// when, with this part, every part of the run is in: the caller then hands the run to the merge. Saves are
    /// serialised per run, so exactly one of the parts finishing last sees it.
    /// </summary>
    public async Task<bool> SaveAsync(RunPart part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockRun = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('run-parts:' || $1::text, 0))", connection))
        {
            lockRun.Parameters.AddWithValue(part.RunId);
            await lockRun.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        int inserted;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO reliefmatch.run_parts (run_id, part, parts, inputs, townships, finding_count, findings, server, seconds, finished_at)
            SELECT $1, $2, r.parts, $3, $4, $5, $6, $7, $8, $9 FROM reliefmatch.runs r WHERE r.id = $1 AND r.parts IS NOT NULL
            ON CONFLICT (run_id, part) DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue(part.RunId);
            insert.Parameters.AddWithValue(part.Part);
            insert.Parameters.AddWithValue(part.Inputs);
            insert.Parameters.AddWithValue(part.Townships.ToArray());
            insert.Parameters.AddWithValue(part.Findings.Count);
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(part.Findings), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)part.Server ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.AddWithValue((decimal)Math.Round(part.Seconds, 3));
            insert.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        bool complete;
        await using (var count = new NpgsqlCommand("""
            SELECT r.parts IS NOT NULL AND (SELECT count(*) FROM reliefmatch.run_parts p WHERE p.run_id = r.id) = r.parts
            FROM reliefmatch.runs r WHERE r.id = $1
            """, connection))
        {
            count.Parameters.AddWithValue(part.RunId);
            complete = await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (inserted == 0 && !complete)
        {
            // Either already saved (a repeat) or the run is not split: only the latter is an error.
            await using var split = dataSource.CreateCommand("SELECT parts IS NOT NULL FROM reliefmatch.runs WHERE id = $1");
            split.Parameters.AddWithValue(part.RunId);
            if (await split.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                throw new InvalidOperationException($"Run {part.RunId} is not split into parts.");
            }
        }
        return complete;
    }

    /// <summary>Every part of the run saved so far, in part order, findings included.</summary>
    public async Task<IReadOnlyList<RunPart>> LoadAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT part, parts, inputs, townships, findings, server, seconds FROM reliefmatch.run_parts WHERE run_id = $1 ORDER BY part
            """);
        cmd.Parameters.AddWithValue(runId);
        var parts = new List<RunPart>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var findings = JsonSerializer.Deserialize<List<Finding>>(r.GetString(4))
                ?? throw new InvalidDataException($"Part {r.GetInt32(0)} of run {runId} holds no findings array.");
            parts.Add(new RunPart(runId, r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetFieldValue<string[]>(3), findings,
                r.IsDBNull(5) ? null : r.GetString(5), (double)r.GetDecimal(6)));
        }
        return parts;
    }

    /// <summary>Which parts of the run are in, where they ran and how long they took (their findings left out).</summary>
    public async Task<IReadOnlyList<RunPartSummary>> SummaryAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT part, parts, server, finding_count, seconds FROM reliefmatch.run_parts WHERE run_id = $1 ORDER BY part");
        cmd.Parameters.AddWithValue(runId);
        var parts = new List<RunPartSummary>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parts.Add(new RunPartSummary(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), (double)r.GetDecimal(4)));
        }
        return parts;
    }

    /// <summary>The run's period, into how many parts it was split (null: not split), its status and error.</summary>
    public async Task<RunState> RunAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT period, parts, status, error FROM reliefmatch.runs WHERE id = $1");
        cmd.Parameters.AddWithValue(runId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"There is no run {runId}.");
        }
        return new RunState(runId, ReportingMonth.Parse(r.GetString(0)), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
    }
}

/// <summary>What one part of a split run found, on which inputs, where and how fast.</summary>
/// <param name="Part">Which part, from 0.</param>
/// <param name="Parts">How many parts the run has.</param>
/// <param name="Inputs">The digest of the extracts and rules the part saw (<see cref="RunInputs.DigestAsync"/>).</param>
/// <param name="Townships">The home townships of the roster snapshot.</param>
/// <param name="Findings">The findings the part owns, in rule order.</param>
/// <param name="Server">The server that evaluated it.</param>
/// <param name="Seconds">How long loading and evaluating took.</param>
public sealed record RunPart(long RunId, int Part, int Parts, string Inputs, IReadOnlyList<string> Townships, IReadOnlyList<Finding> Findings,
    string? Server, double Seconds);

/// <summary>Where a run stands: <see cref="Status"/> is running, succeeded or failed.</summary>
public sealed record RunState(long RunId, ReportingMonth Period, int? Parts, string Status, string? Error)
{
    public bool IsRunning => Status == "running";
}

/// <summary>One part of a split run as <see cref="RunParts.SummaryAsync"/> lists it.</summary>
public sealed record RunPartSummary(int Part, int Parts, string? Server, int Findings, double Seconds);
