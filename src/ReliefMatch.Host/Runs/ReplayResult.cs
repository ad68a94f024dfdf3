using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Runs;

/// <summary>What replaying a changed rule against a month found: the rule before and after, the findings added and removed (by township, then key), and the 统计表 cells that would move.</summary>
/// <param name="Old">The rule of the same id in force; null when the file adds a rule.</param>
public sealed record ReplayResult(ReportingMonth Period, Rule? Old, Rule New, IReadOnlyList<Finding> Added, IReadOnlyList<Finding> Removed, IReadOnlyList<ReplayCell> Cells);
