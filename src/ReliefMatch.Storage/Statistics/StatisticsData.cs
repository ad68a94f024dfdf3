using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Storage.Statistics;

/// <summary>
/// What <see cref="StatisticsSourceLoader"/> read for a month: which sources and roster columns the month has, and the
/// parts of the <see cref="StatisticsInput"/> that storage holds (its findings, townships and rules are the run's to add).
/// </summary>
public sealed record StatisticsData(MonthSources Month, StatisticsInput Input);
