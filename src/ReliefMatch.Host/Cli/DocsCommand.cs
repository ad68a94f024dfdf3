using System.CommandLine;
using System.Text;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;
using ReliefMatch.Host.Docs;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch docs --sources docs/sources.md [--check]</c>: rewrites the generated blocks of the sources page (the
/// field and header tables) from the source declarations of the rule folder's <c>sources/</c>, so that the page says
/// what the program reads; <c>--check</c> only says whether the page is up to date (exit code 1 when not).
/// </summary>
public static class DocsCommand
{
    public static Command Create()
    {
        var sources = new Option<string>("--sources")
        {
            Description = "The sources page to rewrite (docs/sources.md): its generated blocks, between marker comments.",
            Required = true,
        };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit with 1 when the page differs from what the declarations generate." };
        var command = new Command("docs", "Rewrite the field and header tables of the sources page from the source declarations.") { sources, check };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(sources)!;
            var catalog = Declarations(RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules)));
            var page = File.ReadAllText(path);
            string generated;
            try
            {
                generated = SourcesPage.Rewrite(page, path, catalog);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 3;
            }
            if (string.Equals(page, generated, StringComparison.Ordinal))
            {
                Console.WriteLine($"{path}: up to date with {catalog.Sources.Count} source declarations.");
                return 0;
            }
            if (parse.GetValue(check))
            {
                Console.Error.WriteLine($"{path} differs from what the source declarations generate: run `reliefmatch docs --sources {path}`.");
                return 1;
            }
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            Console.WriteLine($"{path}: rewritten from {catalog.Sources.Count} source declarations.");
            return 0;
        });
        return command;
    }

    /// <summary>The declarations of <c>sources/</c> in the rule folder, else those shipped with the program.</summary>
    /// <exception cref="RuleFileException">A declaration is invalid.</exception>
    public static SourceCatalog Declarations(string rulesFolder)
    {
        var folder = Path.Combine(rulesFolder, "sources");
        if (!Directory.Exists(folder))
        {
            return SourceCatalog.Shipped;
        }
        var files = Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file => new RuleFile(Path.GetFileName(file), File.ReadAllText(file)))
            .ToList();
        return files.Count == 0 ? SourceCatalog.Shipped : SourceCatalog.Load(files);
    }
}
