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
    public async Task<IReadOnlyList<StoredFinding>> SaveRunAsync(ReportingMonth period, IReadOnlyList<Finding> findings, long? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!keys.Add(f.Key))
            {
                throw new ArgumentException($"Two findings of the run have the same key '{f.Key}'.", nameof(findings));
            }
        }
        var p = period.ToString();
        var now = time.GetUtcNow();
        var written = PreparedFinding.Prepare(findings);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, $"SELECT pg_advisory_xact_lock({SaveLockKey})", cancellationToken).ConfigureAwait(false);
        var run = runId ?? await ScalarAsync<long>(connection, "INSERT INTO reliefmatch.runs (period, started_at, status) VALUES ($1, $2, 'running') RETURNING id", cancellationToken, p, now).ConfigureAwait(false);

        // Only findings whose content differs from what the period's previous run left stored are sent and written;
        // every key the run produced is sent, for what the run no longer produces (closed) and for the result.
        var unchanged = await UnchangedAsync(connection, period, written, cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, """
            CREATE TEMP TABLE produced (ord integer, key text) ON COMMIT DROP;
            CREATE TEMP TABLE incoming (
                ord integer, key text, rule_id text, rule_version integer, id_number text, household_id text, discriminator text,
                name text, township text, village text, programmes text[], confidence text, evidence jsonb, fingerprint text,
                feeds_data_warning boolean, suggested_action text, due_days integer, content_fingerprint text
            ) ON COMMIT DROP
            """, cancellationToken).ConfigureAwait(false);
        await using (var copy = await CopyRowWriter.BeginAsync(connection, "COPY produced FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < written.Length; i++)
            {
                copy.StartRow(2);
                copy.Int32(i);
                copy.Text(written[i].Key);
            }
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        var changed = 0;
        await using (var copy = await CopyRowWriter.BeginAsync(connection, "COPY incoming FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < findings.Count; i++)
            {
                if (unchanged[i])
                {
                    continue;
                }
                changed++;
                var f = findings[i];
                var w = written[i];
                copy.StartRow(18);
                copy.Int32(i);
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
            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await ExecAsync(connection, "CREATE UNIQUE INDEX ON produced (key); CREATE UNIQUE INDEX ON incoming (key); ANALYZE produced; ANALYZE incoming", cancellationToken).ConfigureAwait(false);

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

        // 3. Every stored finding produced now: current description, seen in this period. Written only when
        //    something differs, so that saving the same run again changes nothing.
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

        // 4. New keys.
        await ExecAsync(connection, """
            WITH raised AS (
                INSERT INTO reliefmatch.findings (key, rule_id, rule_version, id_number, household_id, discriminator, name, township, village,
                    programmes, confidence, evidence, evidence_fingerprint, feeds_data_warning, suggested_action, due_days,
                    first_seen, last_seen, status, last_run_id, content_fingerprint)
                SELECT i.key, i.rule_id, i.rule_version, i.id_number, i.household_id, i.discriminator, i.name, i.township, i.village,
                    i.programmes, i.confidence, i.evidence, i.fingerprint, i.feeds_data_warning, i.suggested_action, i.due_days,
                    $1, $1, 'open', $2, i.content_fingerprint
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM reliefmatch.findings f WHERE f.key = i.key)
                ORDER BY i.ord
                RETURNING key)
            INSERT INTO reliefmatch.finding_events (key, period, run_id, event, at)
            SELECT key, $1, $2, 'raised', $3 FROM raised
            """, cancellationToken, p, run, now).ConfigureAwait(false);

        // 5. Which findings this period produced, and under which version of their rule (the latest run of a period
        //    replaces the earlier ones; a later month's run under a newer version leaves this period's as it was).
        await ExecAsync(connection, """
            DELETE FROM reliefmatch.finding_periods fp
            WHERE fp.period = $1 AND NOT EXISTS (SELECT 1 FROM produced i WHERE i.key = fp.key)
            """, cancellationToken, p).ConfigureAwait(false);
        await ExecAsync(connection, """
            INSERT INTO reliefmatch.finding_periods (key, period, run_id, evidence_fingerprint, rule_version)
            SELECT key, $1, $2, fingerprint, rule_version FROM incoming
            ON CONFLICT (key, period) DO UPDATE SET run_id = excluded.run_id, evidence_fingerprint = excluded.evidence_fingerprint, rule_version = excluded.rule_version
            WHERE (reliefmatch.finding_periods.evidence_fingerprint, reliefmatch.finding_periods.rule_version)
                  IS DISTINCT FROM (excluded.evidence_fingerprint, excluded.rule_version)
            """, cancellationToken, p, run).ConfigureAwait(false);

        // 6. Raised before (or in an earlier run of) this period, not produced now nor in any later period: closed.
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

        var stored = new StoredFinding[findings.Count];
        await using (var cmd = new NpgsqlCommand($"""
            SELECT i.ord, f.first_seen, f.last_seen, f.status, {StoredVerification.Columns}
            FROM produced i JOIN reliefmatch.findings f ON f.key = i.key
            """, connection))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
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
                findings = (SELECT count(*) FROM produced),
                new_findings = (SELECT count(*) FROM produced i JOIN reliefmatch.findings f ON f.key = i.key WHERE f.first_seen = $3),
                dismissed = (SELECT count(*) FROM produced i JOIN reliefmatch.findings f ON f.key = i.key WHERE f.status = 'dismissed'),
                closed = (SELECT count(*) FROM reliefmatch.findings WHERE closed_in = $3),
                findings_written = $4
            WHERE id = $1
            """, cancellationToken, run, now, p, changed).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
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
    /// For each finding, whether the period's previous run left it stored exactly as given: same content, seen in the
    /// period, not closed by then, and produced by the period with the same evidence fingerprint. Saving such a finding
    /// would change nothing, so it is not sent.
    /// </summary>
    private static async Task<bool[]> UnchangedAsync(NpgsqlConnection connection, ReportingMonth period, PreparedFinding[] findings, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("""
            SELECT f.key, f.content_fingerprint
            FROM reliefmatch.findings f JOIN reliefmatch.finding_periods fp ON fp.key = f.key AND fp.period = $1
            WHERE f.content_fingerprint IS NOT NULL AND fp.evidence_fingerprint = f.evidence_fingerprint
              AND f.first_seen <= $1 AND f.last_seen >= $1 AND (f.status <> 'closed' OR f.closed_in > $1)
            """, connection) { CommandTimeout = 0 })
        {
            cmd.Parameters.Add(new() { Value = period.ToString() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored[r.GetString(0)] = r.GetString(1);
            }
        }
        // The content digest covers the evidence fingerprint, so an equal digest also means the period's row and a
        // dismissed finding's kept fingerprint equal the one given.
        return findings.Select(f => stored.TryGetValue(f.Key, out var content) && content == f.Content).ToArray();
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
