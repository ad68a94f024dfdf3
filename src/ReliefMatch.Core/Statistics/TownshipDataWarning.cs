namespace ReliefMatch.Core.Statistics;

/// <summary>The 数据预警 counts of one township (乡镇).</summary>
public sealed record TownshipDataWarning(string Township, DataWarningCounts Counts);
