using System.Globalization;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Loads what the rules see for a reporting month P, by each source's declared policy (docs/sources.md,
/// "Snapshots and histories"):
/// <list type="bullet">
/// <item>roster and monitoring: every extract of that source linked to the latest period ≤ P that has any;</item>
/// <item>deaths and medical: every record of the extracts stamped ≤ P, identical records once (the first imported);</item>
/// <item>disability: for each person (the normalised ID text), the record(s) of the latest-stamped file ≤ P holding them.</item>
/// </list>
/// Extracts stamped after P are left out, so that a month run again later sees what it saw then.
/// A departmental record (death, medical, disability) whose valid ID is held by no person of the roster set or the
/// monitoring snapshot is left out too: no rule can use it (a valid ID matches by that ID only; repair and
/// name-sex-birth matching are for invalid or missing IDs, and those records are all kept). At province scale
/// this spares loading the general population's millions of settlements.
/// Records come back with <see cref="ExtractRecord.ExtractId"/> and <see cref="ExtractRecord.Row"/> set, in
/// extract then row order.
/// The declared sources without a record type of their own (of <paramref name="catalog"/>, the installation's
/// declarations; the shipped ones unless given) come as <see cref="ExtractSet.Declared"/> tables by the same policies
/// (<see cref="DeclaredSources"/>); those whose declaration names a death date add their rows to the deaths.
/// The extracts whose records <paramref name="parsed"/> holds (those a run has just imported) are taken from memory, by
/// the same policies and conditions, and only the others are read back from PostgreSQL: the set is the same either way.
/// Of the declared sources <paramref name="tiedRecordsOnly"/> names (<see cref="FindingEngine.TiedRecordsOnly"/>: the
/// run's rules use only their records tied to a person), the records whose valid ID no person of the roster set or
/// the monitoring snapshot holds are left out as well, after the source's policy chose its rows; without it every
/// declared record is kept.
/// </summary>
public sealed class ExtractSetLoader(NpgsqlDataSource dataSource, SourceCatalog? catalog = null, ParsedRecords? parsed = null,
    IReadOnlySet<string>? tiedRecordsOnly = null)
{
    private readonly SourceCatalog _catalog = catalog ?? SourceCatalog.Shipped;

    public Task<ExtractSet> LoadAsync(ReportingMonth period, CancellationToken cancellationToken = default) =>
        LoadAsync(period, IdPartition.Whole, cancellationToken);

    /// <summary>
    /// What one part of a run split by ID sees (<see cref="IdPartition"/>): the whole roster set and monitoring
    /// snapshot, and of the departmental records those without a valid ID and those whose ID the part holds.
    /// </summary>
    public async Task<ExtractSet> LoadAsync(ReportingMonth period, IdPartition part, CancellationToken cancellationToken = default)
    {
        var p = period.ToString();
        var extracts = new Dictionary<long, ExtractInfo>();
        var accepted = new Dictionary<long, int>();
        var present = new Dictionary<long, string[]>();
        var links = new List<(long Id, string Period)>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var cmd = new NpgsqlCommand("SELECT id, source, file, sha256, period, accepted, present_fields FROM reliefmatch.extracts", connection))
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // An extract of a source the installation no longer declares is kept, and no month sees it.
                    var source = SourceRef.Of(r.GetString(1), _catalog);
                    if (source.Declaration is null)
                    {
                        continue;
                    }
                    extracts[r.GetInt64(0)] = new ExtractInfo(r.GetInt64(0), source, r.GetString(2), r.GetString(3), r.GetString(4));
                    accepted[r.GetInt64(0)] = r.GetInt32(5);
                    present[r.GetInt64(0)] = r.IsDBNull(6) ? [] : r.GetFieldValue<string[]>(6);
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

        long[] Snapshot(SourceRef source)
        {
            var ofSource = links.Where(l => extracts[l.Id].Source == source && string.CompareOrdinal(l.Period, p) <= 0).ToList();
            if (ofSource.Count == 0)
            {
                return [];
            }
            var latest = ofSource.Select(l => l.Period).Max(StringComparer.Ordinal)!;
            return ofSource.Where(l => l.Period == latest).Select(l => l.Id).Distinct().Order().ToArray();
        }

        long[] History(SourceRef source) =>
            extracts.Values.Where(e => e.Source == source && string.CompareOrdinal(e.Period, p) <= 0).Select(e => e.Id).ToArray();

        // Which extracts of a source the month sees follows the source's declared policy. A latest source sees
        // every file stamped ≤ P; the newest rows per key are picked by the query.
        long[] Of(params SourceRef[] sources) =>
            [.. sources.SelectMany(s => s.Declaration!.Policy == SourcePolicy.Snapshot ? Snapshot(s) : History(s)).Distinct().Order()];

        // Identical records of a history are one record; a snapshot or a latest source has no repeats to drop.
        IEqualityComparer<T>? Distinct<T>(SourceKind source, IEqualityComparer<T> content) =>
            source.Declaration().Policy == SourcePolicy.History ? content : null;

        int Newer(long x, long y)
        {
            var byPeriod = string.CompareOrdinal(extracts[x].Period, extracts[y].Period);
            return byPeriod != 0 ? byPeriod : x.CompareTo(y);
        }
        bool Parsed(long id) => parsed?.Holds(id) == true;

        var rosterIds = Of(SourceKind.Roster);
        var monitoringIds = Of(SourceKind.Monitoring);
        var deathIds = Of(SourceKind.PoliceDeaths, SourceKind.HealthDeaths);
        var medicalIds = Of(SourceKind.Medical);
        var disabilityIds = Of(SourceKind.Disability);

        // The big tables load on their own connections, side by side, each with its pool of repeated texts. Lists
        // are sized up front from the accepted row counts. A latest source keeps one file's worth of entries out of
        // every file ever stamped, so the largest file is the better guess there than the sum.
        int Rows(long[] ids) => (int)Math.Min(Array.MaxLength, ids.Sum(i => (long)accepted[i]));
        int LargestFile(long[] ids) => ids.Length == 0 ? 0 : ids.Max(i => accepted[i]);
        var roster = RecordsAsync(rosterIds, $"SELECT {RecordColumns.Roster} FROM reliefmatch.roster_records WHERE extract_id IN (@ids)", Rows(rosterIds), RecordColumns.ReadRoster, Compare, null, null, cancellationToken);
        var monitoring = RecordsAsync(monitoringIds, $"SELECT {RecordColumns.Monitoring} FROM reliefmatch.monitoring_records WHERE extract_id IN (@ids)", Rows(monitoringIds), RecordColumns.ReadMonitoring, Compare, null, null, cancellationToken);
        var known = KnownPersons(rosterIds, monitoringIds) + PartCondition(part);
        // The same condition on the records kept in memory, once the roster set and monitoring snapshot are there.
        var knownInMemory = new Lazy<Task<Func<ExtractRecord, bool>>>(() => KnownAsync(roster, monitoring, part));
        async Task<Func<T, bool>> Known<T>() where T : ExtractRecord => await knownInMemory.Value.ConfigureAwait(false);
        var deaths = RecordsAsync(deathIds, $"SELECT {RecordColumns.Death} FROM reliefmatch.death_records d WHERE extract_id IN (@ids) AND {known}", Rows(deathIds), RecordColumns.ReadDeath, Compare,
            Distinct(SourceKind.PoliceDeaths, DeathContentComparer.Instance), Known<DeathRecord>, cancellationToken);
        var medical = RecordsAsync(medicalIds, $"SELECT {RecordColumns.Medical} FROM reliefmatch.medical_records d WHERE extract_id IN (@ids) AND {known}", Rows(medicalIds), RecordColumns.ReadMedical, Compare,
            Distinct(SourceKind.Medical, MedicalContentComparer.Instance), Known<MedicalRecord>, cancellationToken);
        // Per entry of a latest source (its declared key) the latest-stamped file wins, the later import among files
        // of one period; all of that file's rows for the entry are kept. A row without a key cannot be tied to another
        // file's row and stands alone. With a single file every row is its entry's newest, and the ranking (a sort
        // of every row) is left out. When some of the files are in memory, the ranking is done here, on the person key.
        var disabilityDeclaration = SourceKind.Disability.Declaration();
        var disabilityPlain = $"SELECT {RecordColumns.Disability} FROM reliefmatch.disability_records d WHERE extract_id IN (@ids) AND {known}";
        var ranked = disabilityIds.Length > 1 && disabilityDeclaration.Policy == SourcePolicy.Latest;
        var disability = !ranked
            ? RecordsAsync(disabilityIds, disabilityPlain, Rows(disabilityIds), RecordColumns.ReadDisability, Compare, null, Known<DisabilityRecord>, cancellationToken)
            : disabilityDeclaration.Key.SequenceEqual(["id_number"]) && disabilityIds.Any(Parsed)
            ? NewestPerPersonAsync(RecordsAsync(disabilityIds, disabilityPlain, Rows(disabilityIds), RecordColumns.ReadDisability, Compare, null, Known<DisabilityRecord>, cancellationToken),
                (x, y) => Newer(x, y))
            : ExportAsync(disabilityIds, $"""
            SELECT {RecordColumns.Disability} FROM (
                SELECT d.*, rank() OVER (PARTITION BY {LatestKey(disabilityDeclaration.Key)} ORDER BY e.period DESC, e.id DESC) AS newest
                FROM reliefmatch.disability_records d JOIN reliefmatch.extracts e ON e.id = d.extract_id
                WHERE d.extract_id IN (@ids) AND {known}) ranked
            WHERE newest = 1 ORDER BY extract_id, row
            """, LargestFile(disabilityIds), RecordColumns.ReadDisability, Compare, null, cancellationToken);
        // The declared sources without a record type: one table for all, each source's extracts by its policy.
        var declaredIds = _catalog.Sources.Where(d => SourceRef.Of(d).Kind is null)
            .Select(d => (Declaration: d, Ids: Of(SourceRef.Of(d)))).Where(d => d.Ids.Length > 0).ToList();
        var allDeclaredIds = declaredIds.SelectMany(d => d.Ids).Order().ToArray();
        // A source's records no rule can tie are left out by the query too where the policy allows it: a snapshot's or
        // history's rows of one person stand or fall together (equal content means an equal ID), and so do a latest
        // source's keyed by the person alone. Any other latest source is ranked on every row first.
        var narrowed = declaredIds.Where(d => tiedRecordsOnly?.Contains(d.Declaration.Id) == true
            && (d.Declaration.Policy != SourcePolicy.Latest || d.Declaration.Key.SequenceEqual(["id_number"])))
            .SelectMany(d => d.Ids).ToHashSet();
        var declaredRows = DeclaredRowsAsync(declaredIds, Rows, narrowed, KnownPersons(rosterIds, monitoringIds), cancellationToken);
        await Task.WhenAll(roster, monitoring, deaths, medical, disability, declaredRows).ConfigureAwait(false);

        var declared = new Dictionary<string, DeclaredTable>(StringComparer.Ordinal);
        var declaredBuilders = await declaredRows.ConfigureAwait(false);
        var persons = declaredIds.Any(d => tiedRecordsOnly?.Contains(d.Declaration.Id) == true)
            ? KnownKeys(await roster.ConfigureAwait(false), await monitoring.ConfigureAwait(false))
            : null;
        for (var s = 0; s < declaredIds.Count; s++)
        {
            var (rows, ids) = (declaredBuilders[s], declaredIds[s].Ids);
            var fields = ids.SelectMany(i => present[i]).ToHashSet(StringComparer.Ordinal);
            Func<ParsedId, bool>? tied = tiedRecordsOnly?.Contains(rows.Declaration.Id) == true ? id => !id.IsValid || persons!.Contains(id.Key) : null;
            declared[rows.Declaration.Id] = DeclaredSources.Table(rows, (x, y) => Newer(x, y), fields, i => present[i], tied);
        }
        // A declared source whose rows are deaths (meaning: death-date) adds them to the deaths, of this part only.
        var declaredDeaths = declared.Values.SelectMany(DeclaredSources.Deaths).Where(d => part.Gets(d.Id)).ToList();

        var set = new ExtractSet
        {
            Roster = await roster.ConfigureAwait(false),
            Monitoring = await monitoring.ConfigureAwait(false),
            Deaths = declaredDeaths.Count == 0 ? await deaths.ConfigureAwait(false) : [.. await deaths.ConfigureAwait(false), .. declaredDeaths],
            Medical = await medical.ConfigureAwait(false),
            Disability = await disability.ConfigureAwait(false),
            Declared = declared,
        };
        var used = new HashSet<long>(rosterIds.Concat(monitoringIds).Concat(deathIds).Concat(medicalIds).Concat(disabilityIds).Concat(allDeclaredIds));
        return set with { Extracts = extracts.Where(e => used.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value) };
    }

    /// <summary>
    /// The condition on a departmental record <c>d</c> that some rule may use it: its ID is invalid or missing, or
    /// a person of the roster set or of the monitoring snapshot holds it.
    /// </summary>
    private static string KnownPersons(long[] rosterIds, long[] monitoringIds)
    {
        // Extract ids start at 1, so (0) is an empty list that stays valid SQL.
        static string List(long[] ids) => ids.Length == 0 ? "0" : string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return $"""
            (d.id_key IS NULL OR d.id_key IN (
                SELECT id_key FROM reliefmatch.roster_records WHERE extract_id IN ({List(rosterIds)}) AND id_key IS NOT NULL
                UNION ALL
                SELECT id_key FROM reliefmatch.monitoring_records WHERE extract_id IN ({List(monitoringIds)}) AND id_key IS NOT NULL))
            """;
    }

    /// <summary>
    /// The SQL expression naming one entry of a latest source on a record <c>d</c>, from the declared key fields: the
    /// person by ID key, or by ID text when the ID is invalid, and a row with neither by itself; any other key
    /// field by its stored value.
    /// </summary>
    private static string LatestKey(IReadOnlyList<string> key) => string.Join(" || '|' || ", key.Select(field => field == "id_number"
        ? "CASE WHEN d.id_key IS NOT NULL THEN 'k' || d.id_key WHEN d.id_text <> '' THEN 't' || d.id_text ELSE 'r' || d.extract_id || ':' || d.row END"
        : $"coalesce(d.{field}::text, '')"));

    /// <summary>The SQL form of <see cref="IdPartition.Gets"/> on a departmental record <c>d</c>; nothing for a whole run.</summary>
    private static string PartCondition(IdPartition part) => part.Count == 1
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $" AND (d.id_key IS NULL OR d.id_key / 10 % {part.Count} = {part.Index})");

    /// <summary>
    /// Reads the query's rows by binary COPY and puts them in extract then row order. With <paramref name="distinct"/>,
    /// only the first of records with equal content is kept.
    /// </summary>
    /// <remarks>
    /// The queries need not sort: rows come back from a scan in the order they were copied in, which is extract then
    /// row, unless the server chose otherwise (a synchronised scan, a plan change); that is checked here, and only
    /// then sorted. A server-side sort of millions of rows spills to disk and took longer than the read itself.
    /// </remarks>
    private async Task<List<T>> ExportAsync<T>(long[] extractIds, string queryTemplate, int capacity,
        Func<CopyRowReader, StringPool, T> read, Comparison<T> compare, IEqualityComparer<T>? distinct, CancellationToken cancellationToken)
    {
        if (extractIds.Length == 0)
        {
            return [];
        }
        var list = new List<T>(capacity);
        // COPY takes no parameters; the IDs are numbers we formatted ourselves.
        var ids = string.Join(",", extractIds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var sql = $"COPY ({queryTemplate.Replace("@ids", ids, StringComparison.Ordinal)}) TO STDOUT (FORMAT BINARY)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Task.Run(() =>
        {
            var pool = new StringPool();
            var ordered = true;
            using (var stream = connection.BeginRawBinaryCopy(sql))
            {
                var rows = CopyRowReader.Open(stream, typeof(T).Name);
                while (rows.NextRow())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = read(rows, pool);
                    if (ordered && list.Count > 0 && compare(list[^1], record) > 0)
                    {
                        ordered = false;
                    }
                    list.Add(record);
                }
            }
            Settle(list, compare, ordered, distinct);
        }, cancellationToken).ConfigureAwait(false);
        return list;
    }

    /// <summary>Puts the records in extract then row order unless they are (<paramref name="ordered"/>); with <paramref name="distinct"/>, keeps the first of equal ones.</summary>
    private static void Settle<T>(List<T> list, Comparison<T> compare, bool ordered, IEqualityComparer<T>? distinct)
    {
        if (!ordered)
        {
            list.Sort(compare);
        }
        if (distinct is not null)
        {
            FirstOfEqual.Keep(list, distinct);
            // Repeated monthly exports can make most rows duplicates; the set lives for the whole run.
            list.TrimExcess();
        }
    }

    /// <summary>
    /// The records of <paramref name="extractIds"/> in extract then row order: those this run parsed (<see cref="ParsedRecords"/>)
    /// taken from memory, keeping those <paramref name="keep"/> accepts (what the query's condition accepts of the
    /// stored rows), the others read by COPY (<see cref="ExportAsync"/>); with <paramref name="distinct"/>, the first of
    /// equal records across both.
    /// </summary>
    private async Task<List<T>> RecordsAsync<T>(long[] extractIds, string queryTemplate, int capacity, Func<CopyRowReader, StringPool, T> read,
        Comparison<T> compare, IEqualityComparer<T>? distinct, Func<Task<Func<T, bool>>>? keep, CancellationToken cancellationToken)
    {
        var inMemory = parsed is null ? [] : extractIds.Where(parsed.Holds).ToArray();
        if (inMemory.Length == 0)
        {
            return await ExportAsync(extractIds, queryTemplate, capacity, read, compare, distinct, cancellationToken).ConfigureAwait(false);
        }
        var stored = extractIds.Except(inMemory).ToArray();
        var list = stored.Length == 0 ? new List<T>(capacity)
            : await ExportAsync(stored, queryTemplate, capacity, read, compare, null, cancellationToken).ConfigureAwait(false);
        var accepts = keep is null ? null : await keep().ConfigureAwait(false);
        await Task.Run(() =>
        {
            var ordered = true;
            foreach (var id in inMemory)
            {
                foreach (var record in parsed!.Of<T>(id)!)
                {
                    if (accepts is null || accepts(record))
                    {
                        ordered = ordered && (list.Count == 0 || compare(list[^1], record) < 0);
                        list.Add(record);
                    }
                }
            }
            // Earlier imports have smaller ids, so the stored ones come first and the order holds without a sort.
            Settle(list, compare, ordered, distinct);
        }, cancellationToken).ConfigureAwait(false);
        return list;
    }

    /// <summary>
    /// The rows of the declared sources' extracts, one builder per source, each row's values decoded from the COPY
    /// straight into its source's typed columns (<see cref="DeclaredRecordCopy.Loading"/>); the extracts this run parsed
    /// (<see cref="ParsedRecords"/>) are appended from memory. One COPY reads every source, with one pool of texts.
    /// The builders are in the order of <paramref name="sources"/>.
    /// </summary>
    /// <param name="narrowed">The extracts whose stored rows are read only where <paramref name="known"/> holds.</param>
    private async Task<List<DeclaredTable.Builder>> DeclaredRowsAsync(List<(SourceDeclaration Declaration, long[] Ids)> sources,
        Func<long[], int> capacity, HashSet<long> narrowed, string known, CancellationToken cancellationToken)
    {
        var builders = sources.Select(s => new DeclaredTable.Builder(s.Declaration, capacity(s.Ids))).ToList();
        var byExtract = new Dictionary<long, DeclaredTable.Builder>();
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var id in sources[i].Ids)
            {
                byExtract[id] = builders[i];
            }
        }
        var stored = byExtract.Keys.Where(id => parsed?.Declared(id) is null).Order().ToArray();
        if (stored.Length > 0)
        {
            static string List(IEnumerable<long> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            var whole = stored.Where(i => !narrowed.Contains(i)).ToArray();
            var some = stored.Where(narrowed.Contains).ToArray();
            var condition = string.Join(" OR ", new[]
            {
                whole.Length > 0 ? $"extract_id IN ({List(whole)})" : null,
                some.Length > 0 ? $"(extract_id IN ({List(some)}) AND {known})" : null,
            }.Where(c => c is not null));
            var sql = $"COPY (SELECT {DeclaredRecordCopy.Columns} FROM {DeclaredRecordCopy.Table} d WHERE {condition}) TO STDOUT (FORMAT BINARY)";
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await Task.Run(() =>
            {
                var pool = new StringPool();
                var loading = new DeclaredRecordCopy.Loading(id => byExtract.TryGetValue(id, out var builder)
                    ? builder
                    : throw new InvalidDataException($"The export of {DeclaredRecordCopy.Table} holds a row of extract {id}, which was not asked for."));
                using var stream = connection.BeginRawBinaryCopy(sql);
                var rows = CopyRowReader.Open(stream, "DeclaredRecord");
                while (rows.NextRow())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    DeclaredRecordCopy.Read(rows, pool, loading);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        foreach (var id in byExtract.Keys.Order())
        {
            if (parsed?.Declared(id) is { } kept)
            {
                byExtract[id].AddRange(kept);
            }
        }
        return builders;
    }

    /// <summary>
    /// <see cref="KnownPersons"/> and <see cref="PartCondition"/> on a record in memory: it has no valid ID, or a person
    /// of the roster set or the monitoring snapshot holds it and the part gets it.
    /// </summary>
    private static async Task<Func<ExtractRecord, bool>> KnownAsync(Task<List<RosterRecord>> roster, Task<List<MonitoringRecord>> monitoring, IdPartition part)
    {
        var persons = KnownKeys(await roster.ConfigureAwait(false), await monitoring.ConfigureAwait(false));
        return record => !record.Id.IsValid || persons.Contains(record.Id.Key) && part.HoldsKey(record.Id.Key);
    }

    /// <summary>The valid IDs' keys of the roster set and the monitoring snapshot.</summary>
    private static HashSet<long> KnownKeys(List<RosterRecord> roster, List<MonitoringRecord> monitoring)
    {
        var persons = new HashSet<long>();
        foreach (var record in roster.Concat<ExtractRecord>(monitoring))
        {
            if (record.Id.IsValid)
            {
                persons.Add(record.Id.Key);
            }
        }
        return persons;
    }

    /// <summary>
    /// The ranking of a latest source keyed by the person (<see cref="LatestKey"/> of <c>[id_number]</c>), on records in
    /// extract then row order: per person (by ID key, else by ID text) every row of the newest extract holding them;
    /// a row with neither stands alone.
    /// </summary>
    private static async Task<List<DisabilityRecord>> NewestPerPersonAsync(Task<List<DisabilityRecord>> rows, Comparison<long> newer)
    {
        var list = await rows.ConfigureAwait(false);
        var byKey = new Dictionary<long, long>();
        var byText = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in list)
        {
            if (record.Id.IsValid)
            {
                Newest(byKey, record.Id.Key, record.ExtractId);
            }
            else if (record.Id.Text.Length > 0)
            {
                Newest(byText, record.Id.Text, record.ExtractId);
            }
        }
        list.RemoveAll(r => r.Id.IsValid ? byKey[r.Id.Key] != r.ExtractId : r.Id.Text.Length > 0 && byText[r.Id.Text] != r.ExtractId);
        return list;

        void Newest<TKey>(Dictionary<TKey, long> newest, TKey key, long extractId) where TKey : notnull
        {
            if (!newest.TryGetValue(key, out var best) || newer(extractId, best) > 0)
            {
                newest[key] = extractId;
            }
        }
    }

    private static int Compare(ExtractRecord x, ExtractRecord y)
    {
        var byExtract = x.ExtractId.CompareTo(y.ExtractId);
        return byExtract != 0 ? byExtract : x.Row.CompareTo(y.Row);
    }
}
