using ReliefMatch.Core.Periods;

namespace ReliefMatch.Storage.Statistics;

/// <summary>One published version of a month's 统计表: the sheet as published (stats.json's text), who published it and when.</summary>
public sealed record PublishedSheet(ReportingMonth Period, int Version, string Sheet, string PublishedBy, DateTimeOffset PublishedAt);
