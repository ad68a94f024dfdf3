namespace ReliefMatch.Core.Extracts;

/// <summary>Where a stored extract came from: enough to name it in evidence months later.</summary>
public sealed record ExtractInfo(long Id, SourceRef Source, string File, string Sha256, string Period);

/// <summary>
/// Everything the rules see for a reporting month P (docs/sources.md, "Snapshots and histories"):
/// the roster and monitoring snapshots for P, every death and medical record imported so far (identical
/// records once), and for each person the disability certificate from the latest-stamped file.
/// </summary>
public sealed record ExtractSet
{
    public IReadOnlyList<RosterRecord> Roster { get; init; } = [];
    public IReadOnlyList<DeathRecord> Deaths { get; init; } = [];
    public IReadOnlyList<DisabilityRecord> Disability { get; init; } = [];
    public IReadOnlyList<MedicalRecord> Medical { get; init; } = [];
    public IReadOnlyList<MonitoringRecord> Monitoring { get; init; } = [];

    /// <summary>
    /// The records of the declared sources that have no record type of their own, by source id, loaded by each
    /// declaration's policy (snapshot for P, every distinct history row stamped ≤ P, the latest row per key).
    /// A source the month has none of is absent.
    /// </summary>
    public IReadOnlyDictionary<string, Sources.DeclaredTable> Declared { get; init; } = new Dictionary<string, Sources.DeclaredTable>(StringComparer.Ordinal);
    public IReadOnlyDictionary<long, ExtractInfo> Extracts { get; init; } = new Dictionary<long, ExtractInfo>();
}
