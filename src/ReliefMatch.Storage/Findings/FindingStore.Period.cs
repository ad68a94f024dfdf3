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
    /// supplies them from the rule set in force.
    /// </summary>
    public async Task<IReadOnlyList<StoredFinding>> LoadPeriodAsync(ReportingMonth period, Func<string, string> ruleTitle, CancellationToken cancellationToken = default)
    {
        var rows = new List<(Finding Finding, string Evidence, ReportingMonth FirstSeen, ReportingMonth LastSeen, FindingStatus Status, string? Reason)>();
        await using (var cmd = dataSource.CreateCommand("""
            SELECT f.key, f.rule_id, f.rule_version, f.id_number, f.household_id, f.discriminator, f.name, f.township, f.village,
                   f.programmes, f.confidence, f.evidence::text, f.feeds_data_warning, f.suggested_action, f.due_days,
                   f.first_seen, f.last_seen, f.status, f.disposition_reason
            FROM reliefmatch.findings f JOIN reliefmatch.finding_periods fp ON fp.key = f.key AND fp.period = $1
            ORDER BY f.key
            """))
        {
            cmd.Parameters.AddWithValue(period.ToString());
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ruleId = r.GetString(1);
                var finding = new Finding
                {
                    RuleId = ruleId,
                    RuleVersion = r.GetInt32(2),
                    RuleTitle = ruleTitle(ruleId),
                    IdNumber = r.GetString(3),
                    HouseholdId = r.GetString(4),
                    Discriminator = r.GetString(5),
                    Name = r.GetString(6),
                    Township = r.GetString(7),
                    Village = r.GetString(8),
                    Programmes = r.GetFieldValue<string[]>(9).Select(StoredCodes.ParseProgramme).ToList(),
                    Confidence = ParseConfidence(r.GetString(10)),
                    Evidence = [],
                    FeedsDataWarning = r.GetBoolean(12),
                    SuggestedAction = r.GetString(13),
                    DueDays = r.GetInt32(14),
                };
                rows.Add((finding, r.GetString(11), ReportingMonth.Parse(r.GetString(15)), ReportingMonth.Parse(r.GetString(16)),
                    FindingStatusText.Parse(r.GetString(17)), r.IsDBNull(18) ? null : r.GetString(18)));
            }
        }
        // The evidence JSON is most of the work (a province month holds 130 MB of it): parsed on every core once read.
        var stored = new StoredFinding[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var row = rows[i];
            stored[i] = new StoredFinding(row.Finding with { Evidence = StoredEvidence.Parse(row.Evidence) }, row.FirstSeen, row.LastSeen, row.Status)
            {
                DispositionReason = row.Reason,
            };
        });
        return stored;
    }

    private static Confidence ParseConfidence(string text) =>
        Enum.GetValues<Confidence>().FirstOrDefault(c => c.Id() == text) is var c && c != 0
            ? c
            : throw new InvalidDataException($"Unknown stored confidence '{text}'.");
}
