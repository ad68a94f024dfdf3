using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>The rule files of the repository's rules/ folder, read as the host would.</summary>
internal static class ShippedRules
{
    private static readonly Lazy<RuleSet> All = new(() => RuleSet.Load(Files()));

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReliefMatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ReliefMatch.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Folder => Path.Combine(RepoRoot(), "rules");

    public static IEnumerable<RuleFile> Files() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new RuleFile(Path.GetFileName(f), File.ReadAllText(f)));

    public static RuleSet Set => All.Value;

    public static RuleSet Only(string id) => RuleSet.From([Set.Find(id) ?? throw new InvalidOperationException("No rule " + id)]);

    /// <summary>Evaluates one shipped rule for 2023-07 unless told otherwise.</summary>
    public static IReadOnlyList<Finding> Run(string ruleId, MonthBuilder month, string period = "2023-07") =>
        FindingEngine.Evaluate(month.Build(), ReportingMonth.Parse(period), Only(ruleId), MonthBuilder.County);
}
