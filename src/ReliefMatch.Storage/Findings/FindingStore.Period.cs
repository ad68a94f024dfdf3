using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Findings;

public sealed partial class FindingStore
{
    /// <summary>
    /// The findings the latest run of <paramref name="period"/> produced, as <see cref="SaveRunAsync"/> returned
    /// them (with today's status), ordered by key. The rule titles are not stored; <paramref name="ruleTitle"/>
    /// supplies them from the rule set in force. Without <paramref name="withEvidence"/> the evidence is left empty and
    /// not even read (a report of counts needs none of it, and it is most of the work).
    /// </summary>
    public async Task<IReadOnlyList<StoredFinding>> LoadPeriodAsync(ReportingMonth period, Func<string, string> ruleTitle, CancellationToken cancellationToken = default,
        bool withEvidence = true)
    {
        var rows = new List<(Finding Finding, string Evidence, ReportingMonth FirstSeen, ReportingMonth LastSeen, FindingStatus Status, string? Reason)>();
        const int own = StoredFindingRow.Count;
        await using (var cmd = dataSource.CreateCommand($"""
            SELECT {StoredFindingRow.InPeriod(withEvidence ? StoredFindingRow.Columns : StoredFindingRow.ColumnsWithoutEvidence)},
                   f.first_seen, f.last_seen, f.status, f.disposition_reason
            FROM reliefmatch.findings f JOIN reliefmatch.finding_periods fp ON fp.key = f.key AND fp.period = $1
            ORDER BY f.key
            """))
        {
            cmd.Parameters.AddWithValue(period.ToString());
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var finding = StoredFindingRow.Read(r, ruleTitle(r.GetString(1)), withEvidence: false);
                rows.Add((finding, r.GetString(StoredFindingRow.EvidenceOrdinal), ReportingMonth.Parse(r.GetString(own)), ReportingMonth.Parse(r.GetString(own + 1)),
                    FindingStatusText.Parse(r.GetString(own + 2)), r.IsDBNull(own + 3) ? null : r.GetString(own + 3)));
            }
        }
        // The evidence JSON is most of the work (a province month holds 130 MB of it): parsed on every core once read.
        var stored = new StoredFinding[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var row = rows[i];
            stored[i] = new StoredFinding(withEvidence ? row.Finding with { Evidence = StoredEvidence.Parse(row.Evidence) } : row.Finding, row.FirstSeen, row.LastSeen, row.Status)
            {
                DispositionReason = row.Reason,
            };
        });
        return stored;
    }
}
