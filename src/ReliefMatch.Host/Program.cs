using System.CommandLine;
using System.Globalization;
using System.Text;
using ReliefMatch.Host.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
// The parser's own messages (a missing option, help headings) in Chinese, as every other line the officer reads; only
// the language of messages changes, never how numbers and dates are formatted or parsed.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
if (Console.IsOutputRedirected)
{
    // Reports written to a file or a pipe keep whole lines instead of an 80-column terminal's wrapping.
    Spectre.Console.AnsiConsole.Profile.Width = 160;
}
var time = TimeProvider.System;

var root = new RootCommand("社会救助数据比对预警：每月把低保、特困等救助对象名册与各部门数据比对，生成预警核查清单和统计表 (ReliefMatch: monthly data matching and early warning for social assistance).")
{
    CommonOptions.Home,
    CommonOptions.Rules,
    CommonOptions.Verbose,
};
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(ImportCommand.Create(time));
root.Subcommands.Add(RunCommand.Create(time));
root.Subcommands.Add(ReplayCommand.Create(time));
root.Subcommands.Add(SampleCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(AccuracyCommand.Create(time));
root.Subcommands.Add(BenchCommand.Create(time));
root.Subcommands.Add(ServeCommand.Create(time));
root.Subcommands.Add(UserCommand.Create(time));
root.Subcommands.Add(DocsCommand.Create());
ChineseHelp.Install(root);

return await CliErrors.InvokeAsync(root, args);
