using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Records;

/// <summary>
/// The typed record tables, and which holds each of the sources with a record type of their own. Every other
/// declared source is kept in <c>reliefmatch.declared_records</c> (<see cref="Imports.DeclaredRecordCopy"/>).
/// </summary>
internal static class RecordLayouts
{
    public static RecordLayout<RosterRecord, RosterLayout.Draft> Roster => RosterLayout.Layout;

    public static RecordLayout<DeathRecord, DeathLayout.Draft> Deaths => DeathLayout.Layout;

    public static RecordLayout<DisabilityRecord, DisabilityLayout.Draft> Disability => DisabilityLayout.Layout;

    public static RecordLayout<MedicalRecord, MedicalLayout.Draft> Medical => MedicalLayout.Layout;

    public static RecordLayout<MonitoringRecord, MonitoringLayout.Draft> Monitoring => MonitoringLayout.Layout;

    public static IReadOnlyList<IRecordLayout> All { get; } = [Roster, Deaths, Disability, Medical, Monitoring];

    // Indexed by the source, as the import asks once per row.
    private static readonly IRecordLayout?[] BySource = SourceKinds.All.Select(s => All.SingleOrDefault(l => l.Sources.Contains(s))).ToArray();

    /// <summary>The table that holds <paramref name="source"/>'s records.</summary>
    public static IRecordLayout For(SourceKind source) =>
        BySource[(int)source] ?? throw new InvalidOperationException($"No record table holds the source {source.Id()}.");
}
