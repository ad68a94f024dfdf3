using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Records;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// The columns read back for each typed record table, and how a row becomes a record again: those of the table's one
/// ordered column list (<see cref="RecordLayouts"/>), which the import writes by too. Texts that repeat across rows go
/// through the load's <see cref="StringPool"/>; unique ones (certificate numbers) do not.
/// </summary>
internal static class RecordColumns
{
    public static readonly string Roster = RecordLayouts.Roster.ColumnList;
    public static readonly string Death = RecordLayouts.Deaths.ColumnList;
    public static readonly string Disability = RecordLayouts.Disability.ColumnList;
    public static readonly string Medical = RecordLayouts.Medical.ColumnList;
    public static readonly string Monitoring = RecordLayouts.Monitoring.ColumnList;

    public static RosterRecord ReadRoster(CopyRowReader r, StringPool pool) => RecordLayouts.Roster.Read(r, pool);

    public static DeathRecord ReadDeath(CopyRowReader r, StringPool pool) => RecordLayouts.Deaths.Read(r, pool);

    public static DisabilityRecord ReadDisability(CopyRowReader r, StringPool pool) => RecordLayouts.Disability.Read(r, pool);

    public static MedicalRecord ReadMedical(CopyRowReader r, StringPool pool) => RecordLayouts.Medical.Read(r, pool);

    public static MonitoringRecord ReadMonitoring(CopyRowReader r, StringPool pool) => RecordLayouts.Monitoring.Read(r, pool);
}
