using Npgsql;
using NpgsqlTypes;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// Loads what the 统计表 of a month is counted from besides the run's findings: which sources the month has, the roster
/// and monitoring snapshots for the month and the ones before them, the findings checked (核查日期) in the month, and what the townships entered for it.
/// Only the snapshots are read, not the departmental histories, so a reused run and the workplace can count the sheet
/// without loading the month's data again.
/// </summary>
/// <param name="catalog">The installation's declared sources; the shipped ones unless given.</param>
/// <param name="held">The month's roster and monitoring records when a run that evaluated the month holds them: a
/// snapshot made of the same extracts is counted from them (<see cref="RosterSnapshotLoader"/>), so a run reads back
/// only the previous month's. Null (a reused run, the workplace) reads every snapshot.</param>
public sealed class StatisticsSourceLoader(NpgsqlDataSource dataSource, SourceCatalog? catalog = null, HeldSnapshots? held = null)
{
    private readonly SourceCatalog catalog = catalog ?? SourceCatalog.Shipped;

    /// <param name="period">The month.</param>
    /// <param name="homeCountyCode">The installation's county: whose roster rows the sheet counts.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<StatisticsData> LoadAsync(ReportingMonth period, string homeCountyCode, CancellationToken cancellationToken = default)
    {
        var snapshots = new RosterSnapshotLoader(dataSource, held);
        var roster = await snapshots.LoadAsync(period, cancellationToken).ConfigureAwait(false);
        RosterSnapshot? previousRoster = null;
        if (roster.Period is { } rosterPeriod)
        {
            previousRoster = await snapshots.LoadAsync(ReportingMonth.Parse(rosterPeriod).Previous, cancellationToken).ConfigureAwait(false);
        }
        var monitoring = await snapshots.LoadMonitoringAsync(period, cancellationToken).ConfigureAwait(false);
        var previousMonitoring = monitoring is { } m
            ? await snapshots.LoadMonitoringAsync(ReportingMonth.Parse(m.Period).Previous, cancellationToken).ConfigureAwait(false)
            : null;

        var sources = await SourcesAsync(period, cancellationToken).ConfigureAwait(false);
        var checkedFindings = new List<CheckedFinding>();
        await using (var cmd = dataSource.CreateCommand("""
            SELECT rule_id, id_number, township, feeds_data_warning, checked_on FROM reliefmatch.findings
            WHERE checked_on BETWEEN $1 AND $2 ORDER BY key
            """))
        {
            cmd.Parameters.Add(new() { Value = period.First, NpgsqlDbType = NpgsqlDbType.Date });
            cmd.Parameters.Add(new() { Value = period.Last, NpgsqlDbType = NpgsqlDbType.Date });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                checkedFindings.Add(new CheckedFinding(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetFieldValue<DateOnly>(4)));
            }
        }

        if (monitoring is { } snapshot)
        {
            // tag-monitored reads the snapshot's 识别时间 column as a declared field of the monitoring source.
            sources.Declared[MonthSources.MonitoringIdentifiedOn.Source] = MonthSources.MonitoringFields(snapshot.Rows);
        }
        return new StatisticsData(new MonthSources(sources.Kinds, MonthSources.ColumnsOf(roster.Rows)) { Declared = sources.Declared }, new StatisticsInput
        {
            Period = period,
            HomeCountyCode = homeCountyCode,
            HomeTownships = [],
            Findings = [],
            Roster = roster.Period is null ? null : roster.Rows,
            PreviousRoster = previousRoster?.Period is null ? null : previousRoster.Rows,
            Monitoring = monitoring?.Rows,
            PreviousMonitoring = previousMonitoring?.Rows,
            Checked = checkedFindings,
            Entries = await new TownshipEntryStore(dataSource).LoadAsync(period, cancellationToken).ConfigureAwait(false),
        });
    }

    /// <summary>
    /// Only which sources the month has and which roster columns its snapshot fills — what deciding the rules a run
    /// will skip needs (the month page, on every view): one snapshot read, not the four the whole sheet needs.
    /// </summary>
    public async Task<MonthSources> MonthSourcesAsync(ReportingMonth period, CancellationToken cancellationToken = default)
    {
        var roster = await new RosterSnapshotLoader(dataSource).LoadAsync(period, cancellationToken).ConfigureAwait(false);
        var sources = await SourcesAsync(period, cancellationToken).ConfigureAwait(false);
        return new MonthSources(sources.Kinds, MonthSources.ColumnsOf(roster.Rows)) { Declared = sources.Declared };
    }

    /// <summary>
    /// The sources with an extract stamped for <paramref name="period"/> or earlier; for a declared source without a
    /// record type, the declared fields its files the month sees had columns for (a snapshot's latest period's files,
    /// any other source's every file). A source the installation does not declare is no source of the month.
    /// </summary>
    private async Task<(HashSet<SourceKind> Kinds, Dictionary<string, IReadOnlySet<string>> Declared)> SourcesAsync(ReportingMonth period, CancellationToken cancellationToken)
    {
        var sources = new HashSet<SourceKind>();
        var files = new List<(string Source, string Period, string[] Fields)>();
        await using var cmd = dataSource.CreateCommand("""
            SELECT DISTINCT e.id, e.source, ep.period, e.present_fields FROM reliefmatch.extracts e JOIN reliefmatch.extract_periods ep ON ep.extract_id = e.id WHERE ep.period <= $1
            """);
        cmd.Parameters.Add(new() { Value = period.ToString() });
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (SourceKinds.TryParse(r.GetString(1), out var source))
                {
                    sources.Add(source);
                }
                else
                {
                    files.Add((r.GetString(1), r.GetString(2), r.IsDBNull(3) ? [] : r.GetFieldValue<string[]>(3)));
                }
            }
        }
        var declared = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in files.GroupBy(f => f.Source, StringComparer.Ordinal))
        {
            if (catalog.Find(group.Key) is not { } declaration)
            {
                continue;
            }
            var latest = group.Select(f => f.Period).Max(StringComparer.Ordinal);
            var seen = declaration.Policy == SourcePolicy.Snapshot ? group.Where(f => f.Period == latest) : group;
            declared[group.Key] = seen.SelectMany(f => f.Fields).ToHashSet(StringComparer.Ordinal);
        }
        return (sources, declared);
    }
}
