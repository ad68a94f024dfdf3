using System.CommandLine;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch init --county CODE --name NAME</c>: names the county this installation serves, once, in the home
/// (every other command reads it there). Setting the same county again is harmless; another county is refused, since
/// the home's imports and findings are that county's.
/// </summary>
public static class InitCommand
{
    public static Command Create()
    {
        var county = InstallationOptions.County("The six-digit administrative division code (区划代码) of the county this installation serves, e.g. 450326.");
        county.Required = true;
        var name = InstallationOptions.CountyName("--name", "The county's name as worklists and the 统计表 are headed, e.g. 永福县.");
        name.Required = true;
        var command = new Command("init", "Set the county this installation serves (本安装所服务的县), kept in the home.") { county, name };
        command.SetAction(parse =>
        {
            var installation = InstallationOptions.Resolve(parse, county, name, null, Console.Error);
            Console.WriteLine($"本安装服务 {installation} (this installation serves {installation.HomeCountyCode} {installation.CountyName}).");
            return 0;
        });
        return command;
    }
}
