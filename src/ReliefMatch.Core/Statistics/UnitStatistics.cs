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
    /// <summary>
    /// Distinct persons with any 标记 the month has a source for: <c>tags.total</c> when every tag is counted, the
    /// persons of the counted tags when some are blank (so a trend still shows what is known), null when none is.
    /// Not a cell of the sheet: the sheet leaves <c>tags.total</c> blank until every tag has its source.
    /// </summary>
    public int? TagsCounted { get; init; }

    public int? Tag(string key) => Tags.TryGetValue(key, out var n) ? n : null;

    public int? Duty(string key) => Duties.TryGetValue(key, out var n) ? n : null;
}
