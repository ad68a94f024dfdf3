using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Readers.Rows;

/// <summary>Turns the current row into the source's canonical record, or refuses it (see <see cref="RowCells.Rejection"/>).</summary>
internal abstract class RecordBuilder
{
    /// <returns>The record, or <c>null</c> when the row is rejected.</returns>
    public abstract ExtractRecord? Build(RowCells row);

    /// <summary>The typed builder of one of the six; for any other declared source, the builder its declaration drives.</summary>
    public static RecordBuilder For(SourceRef source, SourceDeclaration declaration, ExtractReaderOptions options) =>
        source.Kind is { } kind ? For(kind, options) : new DeclaredRecordBuilder(declaration);

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
