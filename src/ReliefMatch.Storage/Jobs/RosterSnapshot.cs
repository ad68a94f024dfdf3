using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Jobs;

/// <summary>The roster snapshot for a month (docs/sources.md, "Snapshots and histories") and where it came from.</summary>
/// <param name="Period">The period whose roster files form the snapshot (the latest ≤ the month asked for); null when there is none.</param>
/// <param name="ExtractIds">The roster extracts of the snapshot, ascending.</param>
/// <param name="Rows">Their rows, in extract then row order.</param>
public sealed record RosterSnapshot(string? Period, IReadOnlyList<long> ExtractIds, IReadOnlyList<RosterRecord> Rows);
