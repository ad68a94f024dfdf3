using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// A month's trend figures of one township (or of the county, <see cref="Township"/> empty), as the month's latest run
/// counted them: 数据预警 persons, and 标记 persons (<see cref="Tags"/>: null when no 标记 had a source that month;
/// counted over the tags that had one when <see cref="TagsLacking"/> names the others).
/// </summary>
public sealed record MonthFigure(ReportingMonth Period, string Township, int DataWarning, int? Tags, IReadOnlyList<string> TagsLacking);
