using Npgsql;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage.Accuracy;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// Draws a month's control list at the end of its run (<see cref="ControlListSampler"/>): from the roster snapshot of the
/// month, the enrolled home-county people none of the run's findings names. A township's list is drawn once; a later
/// run of the month keeps it (the townships may already be checking it), so the roster is read only when a home
/// township still has none — and taken from the records a run that evaluated the month holds, when it does.
/// </summary>
public static class ControlListDraw
{
    /// <param name="townships">The month's home townships, as the run found them.</param>
    /// <param name="flaggedIds">The IDs the run's findings name.</param>
    /// <param name="held">The month's roster as the run that evaluated it holds it (<see cref="HeldSnapshots"/>), used when it is the month's snapshot.</param>
    /// <returns>How many townships were drawn now and how many already had their list.</returns>
    public static async Task<(int Drawn, int Kept)> DrawAsync(NpgsqlDataSource dataSource, TimeProvider time, ControlListParameters parameters, string homeCounty,
        ReportingMonth period, IReadOnlyList<string> townships, IEnumerable<string> flaggedIds, CancellationToken cancellationToken, HeldSnapshots? held = null)
    {
        var store = new ControlListStore(dataSource, time);
        var drawn = await store.DrawnTownshipsAsync(period, cancellationToken).ConfigureAwait(false);
        if (townships.All(drawn.Contains))
        {
            return (0, drawn.Count);
        }
        var roster = await new RosterSnapshotLoader(dataSource, held).LoadAsync(period, cancellationToken).ConfigureAwait(false);
        if (roster.Period is null)
        {
            return (0, drawn.Count);
        }
        var flagged = flaggedIds.ToHashSet(StringComparer.Ordinal);
        var list = ControlListSampler.Draw(period, townships, ControlCandidates.Of(roster.Rows, homeCounty, flagged), parameters);
        return await store.SaveAsync(list, roster.Period, cancellationToken).ConfigureAwait(false);
    }
}
