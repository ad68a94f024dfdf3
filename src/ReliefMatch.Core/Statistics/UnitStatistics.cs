namespace ReliefMatch.Core.Statistics;

/// <summary>
/// The 统计表 of one township or of the county: the 数据预警 line, the 标记 tags and the duty cells, by json key
/// in <see cref="SheetCells"/> order. A null count is a cell the month has no source for (blank on the sheet).
/// </summary>
public sealed record UnitStatistics(
    DataWarningCounts DataWarning,
    IReadOnlyDictionary<string, int?> Tags,
    IReadOnlyDictionary<string, int?> Duties,
    DateOnly? MeetingOn)
{
    public int? Tag(string key) => Tags.TryGetValue(key, out var n) ? n : null;

    public int? Duty(string key) => Duties.TryGetValue(key, out var n) ? n : null;
}
