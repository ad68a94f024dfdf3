namespace ReliefMatch.Core.Statistics;

/// <summary>The 统计表 figures of one township (乡镇).</summary>
public sealed record TownshipStatistics(string Township, UnitStatistics Figures);
