using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Host.Runs;

/// <summary>
/// Publishing a rule version: the changed rule file written into the installation's rule folder, over the file of the
/// rule of its id (or as <c>&lt;id&gt;.yaml</c> for a new rule), its <c>version</c> raised past the one in force when the
/// text did not raise it. The next run applies it; the findings it raised before keep the version that raised them.
/// Validated first, written through a temporary file and a rename, so the folder never holds half a rule.
/// </summary>
public static partial class RulePublisher
{
    [GeneratedRegex(@"^version:[ \t]*[0-9]+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    /// <returns>The rule as published (its version raised where needed) and the path written.</returns>
    /// <exception cref="RuleFileException">The text is not a valid rule, or it would clash with another rule file of the folder.</exception>
    public static (Rule Rule, string Path) Publish(string rulesFolder, RuleFile changed)
    {
        var current = RuleFolder.Load(rulesFolder);
        // Read against the installation's sources, as the run and the replay read it: a rule may name the county's own.
        var rule = RuleFileLoader.Load(changed, current.Sources);
        var text = changed.Text;
        var old = current.Find(rule.Id);
        if (old is not null && rule.Version <= old.Version)
        {
            var version = old.Version + 1;
            text = VersionLine().Replace(text, string.Create(CultureInfo.InvariantCulture, $"version: {version}"), 1);
        }
        var fileName = old?.File is { Length: > 0 } existing ? existing : rule.Id + ".yaml";
        var published = RuleFileLoader.Load(new RuleFile(fileName, text), current.Sources);
        // The folder with the new file must still load (ids unique), or nothing is written.
        RuleSet.Load(current.Rules.Where(r => r.File != fileName).Select(r => new RuleFile(r.File, File.ReadAllText(Path.Combine(rulesFolder, r.File))))
            .Append(new RuleFile(fileName, text)), current.Sources);
        var path = Path.Combine(rulesFolder, fileName);
        var temporary = path + ".publishing";
        File.WriteAllText(temporary, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return (published, path);
    }
}
