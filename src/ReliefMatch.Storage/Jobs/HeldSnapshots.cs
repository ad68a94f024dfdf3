using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Storage.Jobs;

/// <summary>
/// The roster and monitoring records a run that evaluated its month still holds (<see cref="ExtractSet.Roster"/> and
/// <see cref="ExtractSet.Monitoring"/>), with the extracts they are all the rows of. <see cref="RosterSnapshotLoader"/>
/// takes a snapshot from here instead of reading it back when the snapshot is exactly these extracts: a snapshot is
/// every row of its extracts, so the same extracts are the same rows, whatever month asked and whatever policy loaded them.
/// Holding only these two lists lets the month's departmental records be collected once the rules have run.
/// </summary>
/// <param name="RosterExtracts">The roster extracts <paramref name="Roster"/> is every row of, ascending.</param>
/// <param name="Roster">Their rows, in extract then row order.</param>
/// <param name="MonitoringExtracts">The monitoring extracts <paramref name="Monitoring"/> is every row of, ascending.</param>
/// <param name="Monitoring">Their rows, in extract then row order.</param>
public sealed record HeldSnapshots(
    IReadOnlyList<long> RosterExtracts, IReadOnlyList<RosterRecord> Roster,
    IReadOnlyList<long> MonitoringExtracts, IReadOnlyList<MonitoringRecord> Monitoring)
{
    /// <summary>
    /// The roster and monitoring of <paramref name="set"/>, as a whole-month <see cref="ExtractSetLoader"/> gives them:
    /// every row of the extracts of that source the set names, none filtered out.
    /// </summary>
    public static HeldSnapshots Of(ExtractSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new HeldSnapshots(Extracts(set, SourceKind.Roster), set.Roster, Extracts(set, SourceKind.Monitoring), set.Monitoring);
    }

    private static long[] Extracts(ExtractSet set, SourceKind source) =>
        [.. set.Extracts.Values.Where(e => e.Source.Kind == source).Select(e => e.Id).Order()];
}
