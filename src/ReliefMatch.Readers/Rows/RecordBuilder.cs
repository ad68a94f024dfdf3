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

    public static RecordBuilder For(SourceKind source, ExtractReaderOptions options) =>
        Typed.TryGetValue(source, out var builder) ? builder(options) : throw new ArgumentOutOfRangeException(nameof(source), source, "No row builder for the source.");

    /// <summary>How the builder of each source with a record type of its own is made, a new one per file read.</summary>
    private static readonly Dictionary<SourceKind, Func<ExtractReaderOptions, RecordBuilder>> Typed = new()
    {
        [SourceKind.Roster] = options => new RosterRecordBuilder(options.HomeCountyCode, options.HomeCountyName),
        [SourceKind.PoliceDeaths] = _ => new PoliceDeathRecordBuilder(),
        [SourceKind.HealthDeaths] = _ => new HealthDeathRecordBuilder(),
        [SourceKind.Disability] = _ => new DisabilityRecordBuilder(),
        [SourceKind.Medical] = _ => new MedicalRecordBuilder(),
        [SourceKind.Monitoring] = _ => new MonitoringRecordBuilder(),
    };
}
