namespace ReliefMatch.Core.Statistics;

/// <summary>
/// A finding whose returned worklist row (or outcome entered on the page) gives a 核查日期: what
/// <c>duties.warnings_visited</c> counts when the finding is 数据预警 or a 标记 tag.
/// </summary>
public sealed record CheckedFinding(string RuleId, string IdNumber, string Township, bool FeedsDataWarning, DateOnly CheckedOn);
