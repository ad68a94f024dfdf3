namespace ReliefMatch.Core.Extracts;

/// <summary>
/// Which sources a reporting month has (a snapshot source with a snapshot for a period ≤ P, a history or latest
/// source with any extract stamped ≤ P) and which optional roster columns its roster snapshot carries.
/// </summary>
/// <remarks>
/// Stored extracts do not keep their header row, so a roster column counts as present when some row of the
/// snapshot has a value in it: a column that is there but blank on every row reads as absent, which is the same
/// for the rules (nobody's value is known) and spares every household a flag for a column nobody filled.
/// </remarks>
public sealed record MonthSources(IReadOnlySet<SourceKind> Sources, IReadOnlySet<RosterColumn> RosterColumns)
{
    /// <summary>
    /// The declared sources without a record type of their own that the month has, by source id, each with the
    /// declared fields some present file of it had a column for.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Declared { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>Whether the month has the source called <paramref name="source"/>: a declared one, or one of the six by its id.</summary>
    public bool Has(string source) =>
        Declared.ContainsKey(source) || SourceKinds.TryParse(source, out var kind) && Sources.Contains(kind);

    public bool Has(Rules.DeclaredField field) =>
        Declared.TryGetValue(field.Source, out var fields) && fields.Contains(field.Field);

    public bool Has(SourceKind source) => Sources.Contains(source);

    public bool Has(RosterColumn column) => RosterColumns.Contains(column);

    /// <summary>What <paramref name="data"/> holds: a source is present when an extract of it was loaded or any record of it is there.</summary>
    public static MonthSources Of(ExtractSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sources = data.Extracts.Values.Select(e => e.Source.Kind).OfType<SourceKind>().ToHashSet();
        // A record list holds one source, except the deaths (police, health, and declared ones besides).
        foreach (var records in new IReadOnlyList<ExtractRecord>[] { data.Roster, data.Monitoring, data.Medical, data.Disability })
        {
            if (records.Count > 0 && records[0].Source.Kind is { } kind)
            {
                sources.Add(kind);
            }
        }
        foreach (var death in data.Deaths)
        {
            if (death.Source.Kind is { } kind)
            {
                sources.Add(kind);
            }
        }
        var declared = data.Declared.ToDictionary(d => d.Key, d => d.Value.PresentFields, StringComparer.Ordinal);
        if (data.Monitoring.Count > 0 && !declared.ContainsKey(MonitoringIdentifiedOn.Source))
        {
            declared[MonitoringIdentifiedOn.Source] = MonitoringFields(data.Monitoring);
        }
        return new MonthSources(sources, ColumnsOf(data.Roster)) { Declared = declared };
    }

    /// <summary>
    /// The monitoring snapshot's 识别时间 column, which <c>tag-monitored</c> reads: a typed source's field stated as a
    /// declared field, present when some record has a value in it (stored extracts keep no header row).
    /// </summary>
    public static Rules.DeclaredField MonitoringIdentifiedOn { get; } = new(SourceKind.Monitoring.Id(), "identified_on");

    /// <summary>The fields of <see cref="MonitoringIdentifiedOn"/>'s kind that some record of <paramref name="monitoring"/> fills.</summary>
    public static IReadOnlySet<string> MonitoringFields(IReadOnlyList<MonitoringRecord> monitoring)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in monitoring)
        {
            if (record.IdentifiedOn is not null)
            {
                fields.Add(MonitoringIdentifiedOn.Field);
                break;
            }
        }
        return fields;
    }

    /// <summary>The optional columns some row of <paramref name="roster"/> has a value in.</summary>
    public static IReadOnlySet<RosterColumn> ColumnsOf(IReadOnlyList<RosterRecord> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var found = new HashSet<RosterColumn>();
        foreach (var column in Extracts.RosterColumns.All)
        {
            for (var i = 0; i < roster.Count; i++)
            {
                if (roster[i].HasValue(column))
                {
                    found.Add(column);
                    break;
                }
            }
        }
        return found;
    }
}
