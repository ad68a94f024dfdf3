using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Core.Sanity;

namespace ReliefMatch.Host.Runs;

/// <summary>Finds and reads the rule files (<c>*.yaml</c>) that the run applies, and the control list's size (<c>settings/control-list.yaml</c>).</summary>
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

    /// <summary>The sub-folder of a rules folder where a county keeps its own source declarations.</summary>
    public const string SourcesFolder = "sources";

    /// <summary>
    /// The rules of <paramref name="folder"/>, read against the installation's sources: the shipped declarations and
    /// the county's own in <c>sources/*.yaml</c> of the folder (<see cref="Sources"/>).
    /// </summary>
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
        var rules = RuleSet.Load(files, Sources(folder));
        // The control list's size lives beside the rules, in a sub-folder: every *.yaml at the top is a rule.
        var controlList = Path.Combine(folder, ControlListParameters.Folder, ControlListParameters.FileName);
        return File.Exists(controlList)
            ? rules.WithControlList(ControlListParameters.Load(new RuleFile(Path.Combine(ControlListParameters.Folder, ControlListParameters.FileName), File.ReadAllText(controlList))))
            : rules;
    }

    /// <summary>The installation's declared sources: the shipped ones and those of <c>sources/*.yaml</c> in <paramref name="folder"/>.</summary>
    public static SourceCatalog Sources(string folder)
    {
        var sources = Path.Combine(folder, SourcesFolder);
        if (!Directory.Exists(sources))
        {
            return SourceCatalog.Shipped;
        }
        return SourceCatalog.Installation(Directory.EnumerateFiles(sources, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFileName(path), File.ReadAllText(path))));
    }

    /// <summary>
    /// The extract sanity thresholds of the rule folder (<c>settings/sanity.yaml</c> in it), else the shipped ones: a folder
    /// of rules written before the checks existed still imports. A file that is there is read strictly.
    /// </summary>
    /// <exception cref="RuleFileException">The file is there but not valid.</exception>
    public static SanityThresholds LoadSanity(string folder)
    {
        var path = Path.Combine(folder, SanityThresholds.FileName);
        return File.Exists(path) ? SanityThresholdsLoader.Load(new RuleFile(SanityThresholds.FileName, File.ReadAllText(path))) : SanityThresholds.Shipped;
    }
}
