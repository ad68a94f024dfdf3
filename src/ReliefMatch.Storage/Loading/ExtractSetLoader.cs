using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Loads what the rules see for a reporting month P (DATA-CONTRACT.md, "Snapshots and histories"):
/// <list type="bullet">
/// <item>roster and monitoring: every extract of that source linked to the latest period ≤ P that has any;</item>
/// <item>deaths and medical: every record of the extracts stamped ≤ P, identical records once (the first imported);</item>
/// <item>disability: for each person (the normalised ID text), the record(s) of the latest-stamped file ≤ P holding them.</item>
/// </list>
/// Extracts stamped after P are left out, so that a month run again later sees what it saw then.
/// Records come back with <see cref="ExtractRecord.ExtractId"/> and <see cref="ExtractRecord.Row"/> set, in
/// extract then row order.
/// </summary>
public sealed class ExtractSetLoader(NpgsqlDataSource dataSource)
{
    public async Task<ExtractSet> LoadAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var p = period.ToString();
        var extracts = new Dictionary<long, ExtractInfo>();
        var links = new List<(long Id, string Period)>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var cmd = new NpgsqlCommand("SELECT id, source, file, sha256, period FROM reliefmatch.extracts", connection))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!SourceKinds.TryParse(r.GetString(1), out var source))
                    {
                        throw new InvalidDataException($"Extract {r.GetInt64(0)} has an unknown source '{r.GetString(1)}'.");
                    }
                    extracts[r.GetInt64(0)] = new ExtractInfo(r.GetInt64(0), source, r.GetString(2), r.GetString(3), r.GetString(4));
                }
            }
            await using (var cmd = new NpgsqlCommand("SELECT extract_id, period FROM reliefmatch.extract_periods", connection))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    links.Add((r.GetInt64(0), r.GetString(1)));
                }
            }
        }

        long[] Snapshot(SourceKind source)
        {
            var ofSource = links.Where(l => extracts[l.Id].Source == source && string.CompareOrdinal(l.Period, p) <= 0).ToList();
            if (ofSource.Count == 0)
            {
                return [];
            }
            var latest = ofSource.Select(l => l.Period).Max(StringComparer.Ordinal)!;
            return ofSource.Where(l => l.Period == latest).Select(l => l.Id).Distinct().Order().ToArray();
        }

        long[] History(params SourceKind[] sources) =>
            extracts.Values.Where(e => sources.Contains(e.Source) && string.CompareOrdinal(e.Period, p) <= 0).Select(e => e.Id).Order().ToArray();

        var rosterIds = Snapshot(SourceKind.Roster);
        var monitoringIds = Snapshot(SourceKind.Monitoring);
        var deathIds = History(SourceKind.PoliceDeaths, SourceKind.HealthDeaths);
        var medicalIds = History(SourceKind.Medical);
        var disabilityIds = History(SourceKind.Disability);

        // The big tables load on their own connections, side by side.
        var roster = ExportAsync(rosterIds, $"SELECT {RecordColumns.Roster} FROM reliefmatch.roster_records WHERE extract_id IN (@ids) ORDER BY extract_id, row", RecordColumns.ReadRoster, cancellationToken);
        var monitoring = ExportAsync(monitoringIds, $"SELECT {RecordColumns.Monitoring} FROM reliefmatch.monitoring_records WHERE extract_id IN (@ids) ORDER BY extract_id, row", RecordColumns.ReadMonitoring, cancellationToken);
        var deaths = ExportAsync(deathIds, $"SELECT {RecordColumns.Death} FROM reliefmatch.death_records WHERE extract_id IN (@ids) ORDER BY extract_id, row", RecordColumns.ReadDeath, cancellationToken);
        var medical = ExportAsync(medicalIds, $"SELECT {RecordColumns.Medical} FROM reliefmatch.medical_records WHERE extract_id IN (@ids) ORDER BY extract_id, row", RecordColumns.ReadMedical, cancellationToken);
        // Per person (the ID key, or the ID text when the ID is invalid) the latest-stamped file wins, the later
        // import among files of one period; all of that file's rows for the person are kept. A row without
        // any ID text cannot be tied to another file's row and stands alone.
        var disability = ExportAsync(disabilityIds, $"""
            SELECT {RecordColumns.Disability} FROM (
                SELECT d.*, rank() OVER (PARTITION BY CASE WHEN d.id_key IS NOT NULL THEN 'k' || d.id_key WHEN d.id_text <> '' THEN 't' || d.id_text ELSE 'r' || d.extract_id || ':' || d.row END
                                         ORDER BY e.period DESC, e.id DESC) AS newest
                FROM reliefmatch.disability_records d JOIN reliefmatch.extracts e ON e.id = d.extract_id
                WHERE d.extract_id IN (@ids)) ranked
            WHERE newest = 1 ORDER BY extract_id, row
            """, RecordColumns.ReadDisability, cancellationToken);
        await Task.WhenAll(roster, monitoring, deaths, medical, disability).ConfigureAwait(false);

        var set = new ExtractSet
        {
            Roster = await roster.ConfigureAwait(false),
            Monitoring = await monitoring.ConfigureAwait(false),
            Deaths = Distinct(await deaths.ConfigureAwait(false), DeathContent),
            Medical = Distinct(await medical.ConfigureAwait(false), MedicalContent),
            Disability = await disability.ConfigureAwait(false),
        };
        var used = new HashSet<long>(rosterIds.Concat(monitoringIds).Concat(deathIds).Concat(medicalIds).Concat(disabilityIds));
        return set with { Extracts = extracts.Where(e => used.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value) };
    }

    private async Task<List<T>> ExportAsync<T>(long[] extractIds, string queryTemplate, Func<NpgsqlBinaryExporter, T> read, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        if (extractIds.Length == 0)
        {
            return list;
        }
        // COPY takes no parameters; the IDs are numbers we formatted ourselves.
        var ids = string.Join(",", extractIds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var sql = $"COPY ({queryTemplate.Replace("@ids", ids, StringComparison.Ordinal)}) TO STDOUT (FORMAT BINARY)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Task.Run(() =>
        {
            using var exporter = connection.BeginBinaryExport(sql);
            while (exporter.StartRow() != -1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                list.Add(read(exporter));
            }
        }, cancellationToken).ConfigureAwait(false);
        return list;
    }

    /// <summary>Keeps the first of identical records (same content, whatever the extract and row).</summary>
    private static List<T> Distinct<T, TKey>(List<T> records, Func<T, TKey> content) where TKey : notnull
    {
        var seen = new HashSet<TKey>(records.Count);
        var kept = new List<T>(records.Count);
        foreach (var r in records)
        {
            if (seen.Add(content(r)))
            {
                kept.Add(r);
            }
        }
        return kept;
    }

    private static (SourceKind, string, string, Sex?, DateOnly?, DateOnly?, DateOnly?, (string?, bool, string?, string?, string?)) DeathContent(DeathRecord d) =>
        (d.Kind, d.Name, d.Id.Text, d.Sex, d.BirthDate, d.DeathDate, d.CancelledOn, (d.CancelReason, d.IsDeath, d.Place, d.Cause, d.Reporter));

    private static (string, string, DateOnly, decimal?, decimal?, decimal?, decimal?, (decimal, string?, string?)) MedicalContent(MedicalRecord m) =>
        (m.Name, m.Id.Text, m.SettledOn, m.Total, m.BasicPaid, m.CriticalPaid, m.AssistancePaid, (m.OutOfPocket, m.VisitType, m.Institution));
}
