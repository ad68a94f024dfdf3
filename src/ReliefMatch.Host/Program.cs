using System.CommandLine;
using System.Text;
using ReliefMatch.Host.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
if (Console.IsOutputRedirected)
{
    // Reports written to a file or a pipe keep whole lines instead of an 80-column terminal's wrapping.
    Spectre.Console.AnsiConsole.Profile.Width = 160;
}
var time = TimeProvider.System;

var root = new RootCommand("ReliefMatch: monthly data matching and early warning for social assistance (社会救助数据比对预警).")
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

return await CliErrors.InvokeAsync(root, args);
