using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Readers.Rows;

/// <summary>Turns the current row into the source's canonical record, or refuses it (see <see cref="RowCells.Rejection"/>).</summary>
internal abstract class RecordBuilder
{
    /// <returns>The record, or <c>null</c> when the row is rejected.</returns>
    public abstract ExtractRecord? Build(RowCells row);

    public static RecordBuilder For(SourceKind source, ExtractReaderOptions options) => source switch
    {
        SourceKind.Roster => new RosterRecordBuilder(options.HomeCountyCode, options.HomeCountyName),
        SourceKind.PoliceDeaths => new PoliceDeathRecordBuilder(),
        SourceKind.HealthDeaths => new HealthDeathRecordBuilder(),
        SourceKind.Disability => new DisabilityRecordBuilder(),
        SourceKind.Medical => new MedicalRecordBuilder(),
        SourceKind.Monitoring => new MonitoringRecordBuilder(),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
