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
            Description = "要重写的数据来源说明页（docs/sources.md）：其中标记注释之间的生成部分。",
            Required = true,
        };
        var check = new Option<bool>("--check") { Description = "只检查不修改：说明页与声明生成的内容不同时以退出码 1 结束。" };
        var command = new Command("docs", "按数据源声明重写数据来源说明页中的字段表和表头表。") { sources, check };
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
                CliErrors.Write(e.Message);
                return 3;
            }
            if (string.Equals(page, generated, StringComparison.Ordinal))
            {
                Console.WriteLine($"{path}：与 {catalog.Sources.Count} 个数据源声明一致，无需更新 (up to date)。");
                return 0;
            }
            if (parse.GetValue(check))
            {
                Console.Error.WriteLine($"{path} 与数据源声明生成的内容不同，请运行 reliefmatch docs --sources {path} (out of date)。");
                return 1;
            }
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            Console.WriteLine($"{path}：已按 {catalog.Sources.Count} 个数据源声明重写 (rewritten)。");
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
