using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sanity;

namespace ReliefMatch.Host.Runs;

/// <summary>Finds and reads the rule files (<c>*.yaml</c>) that the run applies.</summary>
public static class RuleFolder
{
    public const string EnvironmentVariable = "RELIEFMATCH_RULES";

    /// <summary>
    /// The folder given, else <c>RELIEFMATCH_RULES</c>, else <c>./rules</c> when it holds rule files, else the
    /// copy of <c>rules/</c> shipped beside the executable.
    /// </summary>
    public static string Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        var local = Path.GetFullPath("rules");
        if (Directory.Exists(local) && Directory.EnumerateFiles(local, "*.yaml").Any())
        {
            return local;
        }
        return Path.Combine(AppContext.BaseDirectory, "rules");
    }

    public static RuleSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Rule folder '{folder}' does not exist (set --rules or {EnvironmentVariable}).");
        }
        var files = Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Rule folder '{folder}' holds no rule files (*.yaml).");
        }
        return RuleSet.Load(files);
    }

    /// <summary>
    /// The extract sanity thresholds of the rule folder (<c>checks/sanity.yaml</c> in it), else the shipped ones: a folder
    /// of rules written before the checks existed still imports. A file that is there is read strictly.
    /// </summary>
    /// <exception cref="RuleFileException">The file is there but not valid.</exception>
    public static SanityThresholds LoadSanity(string folder)
    {
        var path = Path.Combine(folder, SanityThresholds.FileName);
        return File.Exists(path) ? SanityThresholdsLoader.Load(new RuleFile(SanityThresholds.FileName, File.ReadAllText(path))) : SanityThresholds.Shipped;
    }
}
