using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Sanity;

/// <summary>The extracts of one source stamped for one month: the unit the sanity checks compare with the previous month's.</summary>
/// <param name="Source">The source id.</param>
/// <param name="Snapshot">Whether the source describes the whole population each month (a township it loses is gone from the data).</param>
public sealed record SourceMonth(string Source, ReportingMonth Period, bool Snapshot, IReadOnlyList<ExtractFigures> Extracts)
{
    public int RowsRead => Extracts.Sum(e => e.RowsRead);

    public int Rejected => Extracts.Sum(e => e.Rejected);
}
