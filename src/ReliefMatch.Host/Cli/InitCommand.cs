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
        var county = InstallationOptions.County("本安装所服务的县的六位区划代码，例如 450326。");
        county.Required = true;
        var name = InstallationOptions.CountyName("--name", "县名，核查清单和统计表以此为标题，例如 永福县。");
        name.Required = true;
        var command = new Command("init", "设定本安装所服务的县，保存在状态文件夹（--home）中。") { county, name };
        command.SetAction(parse =>
        {
            var installation = InstallationOptions.Resolve(parse, county, name, null, Console.Error);
            Console.WriteLine($"本安装服务 {installation} (this installation serves county {installation.HomeCountyCode}).");
            return 0;
        });
        return command;
    }
}
