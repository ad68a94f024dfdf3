using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>What was written: the month's 统计表 and the files, relative to the output folder, with <c>/</c>.</summary>
public sealed record RunOutputs(MonthStatistics Statistics, IReadOnlyList<string> Files);
