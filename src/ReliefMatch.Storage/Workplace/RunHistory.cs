using Npgsql;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Workplace;

/// <summary>The monthly runs (<c>reliefmatch.runs</c>), for the county's runs page.</summary>
public sealed class RunHistory(NpgsqlDataSource dataSource)
{
    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, period, started_at, finished_at, status, error, findings, new_findings, dismissed, closed
            FROM reliefmatch.runs ORDER BY id DESC LIMIT $1
            """);
        cmd.Parameters.Add(new() { Value = limit });
        var list = new List<RunRecord>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new RunRecord
            {
                Id = r.GetInt64(0),
                Period = ReportingMonth.Parse(r.GetString(1)),
                StartedAt = r.GetFieldValue<DateTimeOffset>(2),
                FinishedAt = r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3),
                Status = r.GetString(4),
                Error = r.IsDBNull(5) ? null : r.GetString(5),
                Findings = r.IsDBNull(6) ? null : r.GetInt32(6),
                NewFindings = r.IsDBNull(7) ? null : r.GetInt32(7),
                Dismissed = r.IsDBNull(8) ? null : r.GetInt32(8),
                Closed = r.IsDBNull(9) ? null : r.GetInt32(9),
            });
        }
        return list;
    }
}
