using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Statistics;

/// <summary>
/// The 数据预警 counts of a reporting month for the county and each of its townships. A person flagged in
/// two townships counts in each of them and once in the county, so the townships may add up to more than
/// the county.
/// </summary>
public sealed record DataWarningReport(ReportingMonth Period, DataWarningCounts County, IReadOnlyList<TownshipDataWarning> Townships)
{
    /// <summary>The counts of a township; zero for a township that is not in the report.</summary>
    public DataWarningCounts For(string township) =>
        Townships.FirstOrDefault(t => string.Equals(t.Township, township, StringComparison.Ordinal))?.Counts ?? DataWarningCounts.Zero;
}
