using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using Npgsql;

namespace ReliefMatch.Storage.Findings;

/// <summary>
/// Looks up stored findings by 预警编号 (the worklist reference) or by ID number, with their evidence's files. Inside a
/// <see cref="Workplace.TownshipWall"/> only the wall's township's findings are found.
/// </summary>
public sealed class FindingExplainer(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<FindingExplanation>> FindAsync(string referenceOrIdNumber, CancellationToken cancellationToken = default)
    {
        var term = referenceOrIdNumber.Trim().ToUpperInvariant();
        var found = new List<FindingExplanation>();
        // Behind the township wall when there is one (a township user's page): another township's finding is simply not found.
        await using (var walled = await Workplace.TownshipWall.CommandAsync(dataSource,
            $"""
            SELECT f.key, {StoredReference.Sql} AS reference,
                   f.rule_id, f.rule_version, f.id_number, f.household_id, f.name, f.township, f.village, f.confidence,
                   f.status, f.first_seen, f.last_seen, f.disposition_reason, f.evidence::text
            FROM reliefmatch.findings f
            WHERE f.id_number = $1 OR {StoredReference.Sql} = $1
            ORDER BY f.rule_id, f.household_id, f.key
            """, cancellationToken).ConfigureAwait(false))
        {
            var cmd = walled.Command;
            cmd.Parameters.AddWithValue(term);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                found.Add(new FindingExplanation(
                    r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12),
                    r.IsDBNull(13) ? null : r.GetString(13), ParseEvidence(r.GetString(14))));
            }
        }
        if (found.Count == 0)
        {
            return found;
        }
        var extracts = await ExtractsAsync(found.SelectMany(f => f.Evidence).Select(e => e.ExtractId).Distinct().ToArray(), cancellationToken);
        var periods = await PeriodsAsync(found.Select(f => f.Key).ToArray(), cancellationToken);
        return found.Select(f => f with
        {
            Evidence = f.Evidence.Select(e => extracts.TryGetValue(e.ExtractId, out var x) ? e with { File = x.File, Sha256 = x.Sha256, Period = x.Period } : e).ToList(),
            Periods = periods.TryGetValue(f.Key, out var ofKey) ? ofKey : [],
        }).ToList();
    }

    /// <summary>Finding key → the months that produced it, in order, with the rule version of each.</summary>
    private async Task<Dictionary<string, List<KeyValuePair<ReportingMonth, int>>>> PeriodsAsync(string[] keys, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, List<KeyValuePair<ReportingMonth, int>>>(StringComparer.Ordinal);
        // The keys come from the walled read above: a township user only gets here with their own township's findings.
        await using var cmd = dataSource.CreateCommand("SELECT key, period, rule_version FROM reliefmatch.finding_periods WHERE key = ANY($1) ORDER BY key, period");
        cmd.Parameters.AddWithValue(keys);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            if (!map.TryGetValue(r.GetString(0), out var list))
            {
                map.Add(r.GetString(0), list = []);
            }
            list.Add(KeyValuePair.Create(ReportingMonth.Parse(r.GetString(1)), r.GetInt32(2)));
        }
        return map;
    }

    private static List<ExplainedEvidence> ParseEvidence(string json) =>
        StoredEvidence.Parse(json).Select(e => new ExplainedEvidence(e.Source.Id, e.ExtractId, e.Row, e.Text, null, null, null)).ToList();

    private async Task<Dictionary<long, (string File, string Sha256, string Period)>> ExtractsAsync(long[] ids, CancellationToken cancellationToken)
    {
        var map = new Dictionary<long, (string, string, string)>();
        await using var cmd = dataSource.CreateCommand("SELECT id, file, sha256, period FROM reliefmatch.extracts WHERE id = ANY($1)");
        cmd.Parameters.AddWithValue(ids);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            map[r.GetInt64(0)] = (r.GetString(1), r.GetString(2), r.GetString(3));
        }
        return map;
    }
}
