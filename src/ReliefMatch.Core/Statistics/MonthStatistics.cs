using ReliefMatch.Core.Periods;

namespace ReliefMatch.Core.Statistics;

/// <summary>
/// The month's 统计表 (docs/statistics.md) for the county and each township, and the cells left blank with the sources
/// that would fill them. The county's figures are distinct persons over the whole county, so they can be fewer than
/// the townships' sum; its entered cells are the townships' sum.
/// </summary>
public sealed record MonthStatistics(ReportingMonth Period, UnitStatistics County, IReadOnlyList<TownshipStatistics> Townships, IReadOnlyList<MissingCell> Missing)
{
    /// <summary>The 数据预警 line alone, as the workplace's statistics page shows it.</summary>
    public DataWarningReport DataWarning => new(Period, County.DataWarning,
        Townships.Select(t => new TownshipDataWarning(t.Township, t.Figures.DataWarning)).ToList());

    /// <summary>The figures of a township; null for a township not in the month.</summary>
    public UnitStatistics? For(string township) =>
        Townships.FirstOrDefault(t => string.Equals(t.Township, township, StringComparison.Ordinal))?.Figures;
}
