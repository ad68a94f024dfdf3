using ReliefMatch.Core.Statistics;

namespace ReliefMatch.Host.Outputs;

/// <summary>What was written: the month's counts and the files, relative to the output folder, with <c>/</c>.</summary>
public sealed record RunOutputs(DataWarningReport Statistics, IReadOnlyList<string> Files);
