using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// Keeps findings across monthly runs. A finding is identified by <see cref="Finding.Key"/>; saving a run:
/// <list type="bullet">
/// <item>a new key is raised with first_seen = the period; a key already stored keeps its first_seen;</item>
/// <item>a dismissed finding whose evidence fingerprint is unchanged stays dismissed (and is reported so);
/// with changed evidence it is re-opened and first_seen becomes the period;</item>
/// <item>an earlier finding that the run no longer produces is closed for this period (never deleted); a
/// closed finding produced again is open again;</item>
/// <item>saving the same period again with the same findings changes nothing.</item>
/// </list>
/// The findings given to <see cref="SaveRunAsync"/> must be the complete result of the period. Saves are
/// serialised by an advisory lock, so two processes running the same period at once are safe; a caller may
/// also hold <see cref="LockPeriodAsync"/> around the whole run.
/// </summary>
public sealed partial class FindingStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Advisory lock key for saving findings ("RMfind" in ASCII).</summary>
    private const long SaveLockKey = 0x524D_6669_6E64;

    /// <summary>Records the start of a run of <paramref name="period"/>; returns its id.</summary>
    public async Task<long> StartRunAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("INSERT INTO reliefmatch.runs (period, started_at, status) VALUES ($1, $2, 'running') RETURNING id");
        cmd.Parameters.Add(new() { Value = period.ToString() });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Records that a run failed; its findings (none were saved) are untouched. The error is shown on the runs
    /// page and may quote a file or a database error: IDs in it are masked 6+4.
    /// </summary>
    public async Task FailRunAsync(long runId, string error, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.runs SET status = 'failed', finished_at = $2, error = $3 WHERE id = $1");
        cmd.Parameters.Add(new() { Value = runId });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = IdText.MaskIds(error) });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Holds a per-period advisory lock until disposed: a second process running the same period waits.
    /// </summary>
    public async Task<IAsyncDisposable> LockPeriodAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", connection) { CommandTimeout = 0 };
            cmd.Parameters.Add(new() { Value = "run:" + period });
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PeriodLock(connection, period);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class PeriodLock(NpgsqlConnection connection, ReportingMonth period) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection.ConfigureAwait(false))
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", connection);
                cmd.Parameters.Add(new() { Value = "run:" + period });
                await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Saves the complete findings of a run of <paramref name="period"/> and returns each of them, in the
    /// given order, with its first_seen and status.
    /// </summary>
    /// <param name="runId">The run from <see cref="StartRunAsync"/>; one is recorded here when null.</param>
    /// <remarks>
    /// Only what a save changes is sent. A key the store has never held needs none of the lifecycle statements: it is
    /// copied straight into the findings, with its raised event and its period row (a first run of a month, or of an
    /// installation, is almost all such keys). A stored key whose content differs from what the period's previous run
    /// left goes through a temporary table and the statements that keep dispositions, closures and first-seen months.
    /// </remarks>
    public async Task<IReadOnlyList<StoredFinding>> SaveRunAsync(ReportingMonth period, IReadOnlyList<Finding> findings, long? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var keys = new string[findings.Count];
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            if (!distinct.Add(findings[i].Key))
            {
                throw new ArgumentException($"Two findings of the run have the same key '{findings[i].Key}'.", nameof(findings));
            }
            keys[i] = StoredCodes.Clean(findings[i].Key);
        }
        var p = period.ToString();
        var now = time.GetUtcNow();
        // The evidence JSON and the digests are most of a save's own work: prepared on every core while the database
        // takes the keys and tells which of them it holds.
        var preparing = Task.Run(() => PreparedFinding.Prepare(findings), cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, $"SELECT pg_advisory_xact_lock({SaveLockKey})", cancellationToken).ConfigureAwait(false);
        var run = runId ?? await ScalarAsync<long>(connection, "INSERT INTO reliefmatch.runs (period, started_at, status) VALUES ($1, $2, 'running') RETURNING id", cancellationToken, p, now).ConfigureAwait(false);

        // Every key the run produced is sent, for what the run no longer produces (closed) and for the result.
        await ExecAsync(connection, "CREATE TEMP TABLE produced (ord integer, key text) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, "produced", Enumerable.Range(0, keys.Length), (copy, i) =>
        {
            copy.StartRow(2);
            copy.Int32(i);
            copy.Text(keys[i]);
        }, cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, "CREATE UNIQUE INDEX ON produced (key); ANALYZE produced", cancellationToken).ConfigureAwait(false);
        var held = await HeldAsync(connection, period, keys.Length, cancellationToken).ConfigureAwait(false);
        var written = await preparing.ConfigureAwait(false);

        // Raised for the first time, to be copied in; stored and changed since the period's previous run, to be merged.
        var raised = new List<int>();
        var merged = new List<int>();
        for (var i = 0; i < written.Length; i++)
        {
            if (!held.Exists[i])
            {
                raised.Add(i);
            }
            else if (held.KeptContent[i] != written[i].Content)
            {
                merged.Add(i);
            }
        }
        if (merged.Count > 0)
        {
            await MergeAsync(connection, p, run, now, findings, written, merged, cancellationToken).ConfigureAwait(false);
        }
        if (raised.Count > 0)
        {
            await RaiseAsync(connection, p, run, now, findings, written, raised, cancellationToken).ConfigureAwait(false);
        }

        // Which findings this period produced, and under which version of their rule (the latest run of a period
        // replaces the earlier ones; a later month's run under a newer version leaves this period's as it was).
        await ExecAsync(connection, """
            DELETE FROM reliefmatch.finding_periods fp
            WHERE fp.period = $1 AND NOT EXISTS (SELECT 1 FROM produced i WHERE i.key = fp.key)
            """, cancellationToken, p).ConfigureAwait(false);

        // Raised before (or in an earlier run of) this period, not produced now nor in any later period: closed.
        await ExecAsync(connection, """
            WITH closed AS (
                UPDATE reliefmatch.findings f
                SET status = 'closed', closed_in = $1, last_run_id = $2, answered_in = NULL, first_confirmed_on = NULL, first_confirmed_by = NULL
                WHERE f.status IN ('open', 'confirmed') AND f.first_seen <= $1
                  AND NOT EXISTS (SELECT 1 FROM produced i WHERE i.key = f.key)
                  AND NOT EXISTS (SELECT 1 FROM reliefmatch.finding_periods fp WHERE fp.key = f.key AND fp.period > $1)
                RETURNING f.key)
            INSERT INTO reliefmatch.finding_events (key, period, run_id, event, at)
            SELECT key, $1, $2, 'closed', $3 FROM closed
            """, cancellationToken, p, run, now).ConfigureAwait(false);

        // A key copied in stands as it was written; only the stored ones are read back.
        var stored = new StoredFinding[findings.Count];
        foreach (var i in raised)
        {
            stored[i] = new StoredFinding(findings[i], period, period, FindingStatus.Open);
        }
        if (raised.Count < findings.Count)
        {
            await using var cmd = new NpgsqlCommand($"""
                SELECT i.ord, f.first_seen, f.last_seen, f.status, {StoredVerification.Columns}
                FROM produced i JOIN reliefmatch.findings f ON f.key = i.key JOIN unnest($1::integer[]) AS h(ord) ON h.ord = i.ord
                """, connection) { CommandTimeout = 0 };
            cmd.Parameters.Add(new() { Value = Enumerable.Range(0, findings.Count).Where(i => held.Exists[i]).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ord = r.GetInt32(0);
                var status = FindingStatusText.Parse(r.GetString(3));
                stored[ord] = new StoredFinding(findings[ord], ReportingMonth.Parse(r.GetString(1)), ReportingMonth.Parse(r.GetString(2)), status)
                {
                    DispositionReason = r.IsDBNull(4) ? null : r.GetString(4),
                    Verification = StoredVerification.Read(r, status, 4),
                };
            }
        }

        await ExecAsync(connection, """
            UPDATE reliefmatch.runs SET finished_at = $2, status = 'succeeded', error = NULL,
                findings = $4, new_findings = $5, dismissed = $6,
                closed = (SELECT count(*) FROM reliefmatch.findings WHERE closed_in = $3),
                findings_written = $7
            WHERE id = $1
            """, cancellationToken, run, now, p, findings.Count, stored.Count(s => s.FirstSeen == period), stored.Count(s => s.Status == FindingStatus.Dismissed),
            raised.Count + merged.Count).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Copies findings the store has never held straight into it: open, first and last seen in the period, each with
    /// its raised event (in the run's order) and its period row.
    /// </summary>
    private static async Task RaiseAsync(NpgsqlConnection connection, string period, long run, DateTimeOffset now,
        IReadOnlyList<Finding> findings, PreparedFinding[] written, List<int> raised, CancellationToken cancellationToken)
    {
        await CopyAsync(connection, $"reliefmatch.findings ({ValueColumns}, first_seen, last_seen, status, last_run_id)", raised, (copy, i) =>
        {
            copy.StartRow(ValueCount + 4);
            WriteValues(copy, findings[i], written[i]);
            copy.Text(period);
            copy.Text(period);
            copy.Text("open");
            copy.Int64(run);
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, "reliefmatch.finding_events (key, period, run_id, event, at)", raised, (copy, i) =>
        {
            copy.StartRow(5);
            copy.Text(written[i].Key);
            copy.Text(period);
            copy.Int64(run);
            copy.Text("raised");
            copy.TimestampTz(now);
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, "reliefmatch.finding_periods (key, period, run_id, evidence_fingerprint, rule_version)", raised, (copy, i) =>
        {
            copy.StartRow(5);
            copy.Text(written[i].Key);
            copy.Text(period);
            copy.Int64(run);
            copy.Text(written[i].Fingerprint);
            copy.Int32(findings[i].RuleVersion);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A binary COPY into <paramref name="target"/> (a table and its columns) of one row per index, in their order.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string target, IEnumerable<int> rows, Action<CopyRowWriter, int> write, CancellationToken cancellationToken)
    {
        await using var copy = await CopyRowWriter.BeginAsync(connection, $"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var i in rows)
        {
            write(copy, i);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges findings the store holds whose content changed: through a temporary table, re-opening a dismissal whose
    /// evidence changed, re-opening a closed finding produced again, describing each as now and recording the period.
    /// </summary>
    private static async Task MergeAsync(NpgsqlConnection connection, string p, long run, DateTimeOffset now,
        IReadOnlyList<Finding> findings, PreparedFinding[] written, List<int> merged, CancellationToken cancellationToken)
    {
        await ExecAsync(connection, """
            CREATE TEMP TABLE incoming (
                key text, rule_id text, rule_version integer, id_number text, household_id text, discriminator text,
                name text, township text, village text, programmes text[], confidence text, evidence jsonb, fingerprint text,
                feeds_data_warning boolean, suggested_action text, due_days integer, content_fingerprint text
            ) ON COMMIT DROP
            """, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, "incoming", merged, (copy, i) =>
        {
            copy.StartRow(ValueCount);
            WriteValues(copy, findings[i], written[i]);
        }, cancellationToken).ConfigureAwait(false);
        // Statistics of the key only: sampling the evidence (jsonb) for the planner cost more than the statements.
        await ExecAsync(connection, "CREATE UNIQUE INDEX ON incoming (key); ANALYZE incoming (key)", cancellationToken).ConfigureAwait(false);

        // 1. Dismissed, and the evidence changed: raised afresh in this period.
        await ExecAsync(connection, """
            WITH reopened AS (
                UPDATE reliefmatch.findings f
                SET status = 'open', first_seen = $1, closed_in = NULL, evidence_fingerprint = i.fingerprint,
                    disposition_reason = NULL, disposition_by = NULL, disposition_at = NULL, last_run_id = $2, answered_in = NULL
                FROM incoming i
                WHERE f.key = i.key AND f.status = 'dismissed' AND f.evidence_fingerprint <> i.fingerprint
                RETURNING f.key)
            INSERT INTO reliefmatch.finding_events (key, period, run_id, event, at, detail)
            SELECT key, $1, $2, 'reopened', $3, 'evidence changed since the dismissal' FROM reopened
            """, cancellationToken, p, run, now).ConfigureAwait(false);

        // 2. Closed earlier and produced again from that period on: open again, first_seen kept.
        await ExecAsync(connection, """
            WITH reappeared AS (
                UPDATE reliefmatch.findings f
                SET status = 'open', closed_in = NULL, last_run_id = $2
                FROM incoming i
                WHERE f.key = i.key AND f.status = 'closed' AND f.closed_in <= $1
                RETURNING f.key)
            INSERT INTO reliefmatch.finding_events (key, period, run_id, event, at)
            SELECT key, $1, $2, 'reappeared', $3 FROM reappeared
            """, cancellationToken, p, run, now).ConfigureAwait(false);

        // 3. Current description, seen in this period. Written only when something differs, so that saving the same
        //    run again changes nothing.
        await ExecAsync(connection, """
            UPDATE reliefmatch.findings f
            SET rule_version = i.rule_version, name = i.name, township = i.township, village = i.village,
                programmes = i.programmes, confidence = i.confidence, evidence = i.evidence,
                evidence_fingerprint = CASE WHEN f.status = 'dismissed' THEN f.evidence_fingerprint ELSE i.fingerprint END,
                feeds_data_warning = i.feeds_data_warning, suggested_action = i.suggested_action, due_days = i.due_days,
                first_seen = least(f.first_seen, $1), last_seen = greatest(f.last_seen, $1), last_run_id = $2,
                content_fingerprint = i.content_fingerprint
            FROM incoming i
            WHERE f.key = i.key
              AND (f.rule_version, f.name, f.township, f.village, f.programmes, f.confidence, f.evidence,
                   f.evidence_fingerprint, f.feeds_data_warning, f.suggested_action, f.due_days, f.first_seen, f.last_seen, f.content_fingerprint)
                  IS DISTINCT FROM
                  (i.rule_version, i.name, i.township, i.village, i.programmes, i.confidence, i.evidence,
                   CASE WHEN f.status = 'dismissed' THEN f.evidence_fingerprint ELSE i.fingerprint END,
                   i.feeds_data_warning, i.suggested_action, i.due_days, least(f.first_seen, $1), greatest(f.last_seen, $1), i.content_fingerprint)
            """, cancellationToken, p, run).ConfigureAwait(false);

        // 4. The period produced them, with this evidence and rule version.
        await ExecAsync(connection, """
            INSERT INTO reliefmatch.finding_periods (key, period, run_id, evidence_fingerprint, rule_version)
            SELECT key, $1, $2, fingerprint, rule_version FROM incoming
            ON CONFLICT (key, period) DO UPDATE SET run_id = excluded.run_id, evidence_fingerprint = excluded.evidence_fingerprint, rule_version = excluded.rule_version
            WHERE (reliefmatch.finding_periods.evidence_fingerprint, reliefmatch.finding_periods.rule_version)
                  IS DISTINCT FROM (excluded.evidence_fingerprint, excluded.rule_version)
            """, cancellationToken, p, run).ConfigureAwait(false);
    }

    /// <summary>The columns <see cref="WriteValues"/> writes, in its order: a finding's values as a run produces them.</summary>
    private const string ValueColumns = """
        key, rule_id, rule_version, id_number, household_id, discriminator, name, township, village, programmes, confidence,
        evidence, evidence_fingerprint, feeds_data_warning, suggested_action, due_days, content_fingerprint
        """;

    private const int ValueCount = 17;

    private static void WriteValues(CopyRowWriter copy, Finding f, PreparedFinding w)
    {
        copy.Text(w.Key);
        copy.Text(f.RuleId);
        copy.Int32(f.RuleVersion);
        copy.Text(StoredCodes.Clean(f.IdNumber));
        copy.Text(StoredCodes.Clean(f.HouseholdId));
        copy.Text(StoredCodes.Clean(f.Discriminator));
        copy.Text(w.Name);
        copy.Text(w.Township);
        copy.Text(w.Village);
        copy.TextArray(w.Programmes);
        copy.Text(w.Confidence);
        copy.Jsonb(w.Evidence);
        copy.Text(w.Fingerprint);
        copy.Boolean(f.FeedsDataWarning);
        copy.Text(w.SuggestedAction);
        copy.Int32(f.DueDays);
        copy.Text(w.Content);
    }

    /// <summary>
    /// Records what the township found: <see cref="FindingStatus.Confirmed"/>, <see cref="FindingStatus.Dismissed"/>
    /// (a false alarm, with the reason), or <see cref="FindingStatus.Open"/> to undo. Returns false when no
    /// finding has that key.
    /// </summary>
    public Task<bool> SetDispositionAsync(string key, FindingStatus status, string reason, string by, CancellationToken cancellationToken = default)
    {
        if (status == FindingStatus.Closed)
        {
            throw new ArgumentException("Closing is decided by the runs, not by a disposition.", nameof(status));
        }
        return SetDispositionAsync(key, new FindingDisposition(status, reason, by), cancellationToken);
    }

    /// <summary>
    /// Records a disposition with who checked the finding on which day (核查人, 核查日期). A 属实 or 不属实 is recorded
    /// as answering the latest month that produced the finding (<c>answered_in</c>); the first 属实 since the finding
    /// was last opened keeps its day and 核查人 (<c>first_confirmed_on</c>, <c>first_confirmed_by</c>) through later
    /// ones, for the escalation a later month's worklist prints. Returns false when no
    /// finding has that key, or when <see cref="FindingDisposition.Township"/> is set and the finding belongs to
    /// another township (nothing is then changed).
    /// </summary>
    public async Task<bool> SetDispositionAsync(string key, FindingDisposition disposition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposition);
        if (disposition.Status == FindingStatus.Closed)
        {
            throw new ArgumentException("Closing is decided by the runs, not by a disposition.", nameof(disposition));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await using var cmd = new NpgsqlCommand("""
            WITH changed AS (
                UPDATE reliefmatch.findings SET status = $2, disposition_reason = $3, disposition_by = $4, disposition_at = $5,
                    checked_by = $6, checked_on = $7,
                    answered_in = CASE WHEN $2 IN ('confirmed', 'dismissed') THEN last_seen END,
                    first_confirmed_on = CASE WHEN $2 <> 'confirmed' THEN NULL WHEN status = 'confirmed' THEN first_confirmed_on
                        ELSE coalesce($7, ($5 AT TIME ZONE 'UTC' + interval '8 hours')::date) END,
                    first_confirmed_by = CASE WHEN $2 <> 'confirmed' THEN NULL WHEN status = 'confirmed' THEN first_confirmed_by
                        ELSE coalesce($6, $4) END
                WHERE key = $1 AND ($8::text IS NULL OR township = $8) RETURNING key)
            INSERT INTO reliefmatch.finding_events (key, event, at, detail)
            SELECT key, $2, $5, $3 || ' (' || $4 || ')' FROM changed
            """, connection);
        cmd.Parameters.Add(new() { Value = key });
        cmd.Parameters.Add(new() { Value = disposition.Status.Id() });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(disposition.Reason) });
        cmd.Parameters.Add(new() { Value = StoredCodes.Clean(disposition.By) });
        cmd.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = disposition.CheckedBy is { } checkedBy ? StoredCodes.Clean(checkedBy) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = disposition.CheckedOn is { } checkedOn ? checkedOn : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new() { Value = (object?)disposition.Township ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var changed = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Which of the produced keys (the temporary table <c>produced</c>) the store holds, and for each held one the content
    /// digest the period's previous run left on it when that run left it exactly so: seen in the period, not closed by
    /// then, and produced by the period with the same evidence fingerprint. A finding whose digest equals it would be
    /// written unchanged, so it is not sent.
    /// </summary>
    private static async Task<(bool[] Exists, string?[] KeptContent)> HeldAsync(NpgsqlConnection connection, ReportingMonth period, int count, CancellationToken cancellationToken)
    {
        var exists = new bool[count];
        var kept = new string?[count];
        await using var cmd = new NpgsqlCommand("""
            SELECT i.ord,
                   CASE WHEN fp.evidence_fingerprint = f.evidence_fingerprint AND f.first_seen <= $1 AND f.last_seen >= $1
                             AND (f.status <> 'closed' OR f.closed_in > $1)
                        THEN f.content_fingerprint END
            FROM produced i JOIN reliefmatch.findings f ON f.key = i.key
            LEFT JOIN reliefmatch.finding_periods fp ON fp.key = f.key AND fp.period = $1
            """, connection) { CommandTimeout = 0 };
        cmd.Parameters.Add(new() { Value = period.ToString() });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var ord = r.GetInt32(0);
            exists[ord] = true;
            // The content digest covers the evidence fingerprint, so an equal digest also means the period's row and a
            // dismissed finding's kept fingerprint equal the one given.
            kept[ord] = r.IsDBNull(1) ? null : r.GetString(1);
        }
        return (exists, kept);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(p is DateTimeOffset at ? new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz } : new NpgsqlParameter { Value = p });
        }
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(p is DateTimeOffset at ? new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz } : new NpgsqlParameter { Value = p });
        }
        return (T)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
