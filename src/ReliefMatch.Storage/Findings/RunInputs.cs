using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// The digest of what a monthly run of a period depends on: every extract stamped or linked to a period ≤ P (id
/// and SHA-256) and a description of the rules. Equal digests mean that evaluating the rules again would give the
/// same findings, so the stored ones can be reused.
/// </summary>
public sealed class RunInputs(NpgsqlDataSource dataSource)
{
    public async Task<string> DigestAsync(ReportingMonth period, string rulesDescription, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT coalesce(string_agg(x.id::text || ':' || x.sha256 || ':' || x.periods, ',' ORDER BY x.id), '')
            FROM (
                SELECT e.id, e.sha256,
                       (SELECT string_agg(ep.period, ';' ORDER BY ep.period) FROM reliefmatch.extract_periods ep
                        WHERE ep.extract_id = e.id AND ep.period <= $1) AS periods
                FROM reliefmatch.extracts e
                WHERE e.period <= $1 OR EXISTS (SELECT 1 FROM reliefmatch.extract_periods ep WHERE ep.extract_id = e.id AND ep.period <= $1)
            ) x
            """);
        cmd.Parameters.AddWithValue(period.ToString());
        var extracts = (string)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(period + "\n" + extracts + "\n" + rulesDescription));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// The last succeeded run of <paramref name="period"/>, provided no run of another period has succeeded since
    /// (a later month's run moves findings on, so the stored state is no longer this period's).
    /// </summary>
    public async Task<PreviousRun?> LastAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, period, inputs, townships FROM reliefmatch.runs WHERE status = 'succeeded' ORDER BY finished_at DESC, id DESC LIMIT 1
            """);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false) || r.GetString(1) != period.ToString() || r.IsDBNull(2) || r.IsDBNull(3))
        {
            return null;
        }
        return new PreviousRun(r.GetInt64(0), r.GetString(2), r.GetFieldValue<string[]>(3));
    }

    /// <summary>Records what a run that evaluated the rules saw (after <see cref="FindingStore.SaveRunAsync"/>).</summary>
    public async Task RecordAsync(long runId, string digest, IReadOnlyList<string> townships, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE reliefmatch.runs SET inputs = $2, townships = $3 WHERE id = $1");
        cmd.Parameters.AddWithValue(runId);
        cmd.Parameters.AddWithValue(digest);
        cmd.Parameters.AddWithValue(townships.ToArray());
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes a run that took over the findings of <paramref name="previous"/> without evaluating the rules.</summary>
    public async Task CompleteReusedAsync(long runId, PreviousRun previous, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE reliefmatch.runs r SET status = 'succeeded', finished_at = $3, error = NULL, inputs = p.inputs, townships = p.townships,
                reused_run_id = p.id, findings = p.findings, new_findings = p.new_findings, dismissed = p.dismissed, closed = p.closed
            FROM reliefmatch.runs p WHERE r.id = $1 AND p.id = $2
            """);
        cmd.Parameters.AddWithValue(runId);
        cmd.Parameters.AddWithValue(previous.RunId);
        cmd.Parameters.AddWithValue(finishedAt);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A succeeded run: what it saw and the townships it reported on.</summary>
public sealed record PreviousRun(long RunId, string Digest, IReadOnlyList<string> Townships);
