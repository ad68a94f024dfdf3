using System.CommandLine;
using ReliefMatch.Host.Runs;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// How a command finds the county its installation serves: the home's <see cref="Installation.FileName"/>. On a home
/// without one, the county given on the command (<c>--county</c> with <c>--county-name</c>) or carried by the drop
/// folder (the sample's is) becomes the installation's, is written to the home, and the command says so. Anything
/// else, or a county contradicting the home's, stops the command: no county is ever assumed.
/// </summary>
public static class InstallationOptions
{
    public static Option<string?> County(string description) => new("--county") { Description = description, HelpName = "CODE" };

    public static Option<string?> CountyName(string name, string description) => new(name) { Description = description, HelpName = "NAME" };

    /// <summary>The home's county, for a command given no county of its own and no drop folder (serve).</summary>
    public static Installation Resolve(ParseResult parse, TextWriter notices) => Resolve(parse, null, null, null, notices);

    /// <summary>The installation's county, as the class remarks say.</summary>
    /// <param name="dropFolder">The folder the command imports, whose own county file, if any, must agree.</param>
    /// <param name="notices">Where the command says that it set the installation's county (standard error).</param>
    /// <exception cref="InstallationException">No county anywhere, or two that disagree.</exception>
    public static Installation Resolve(ParseResult parse, Option<string?>? county, Option<string?>? countyName, string? dropFolder, TextWriter notices)
    {
        var home = Path.GetFullPath(parse.GetValue(CommonOptions.Home)!);
        var stored = Installation.Read(home);
        var code = county is null ? null : parse.GetValue(county);
        var name = countyName is null ? null : parse.GetValue(countyName);
        var carried = dropFolder is null ? null : Installation.Read(dropFolder);

        if (stored is not null)
        {
            if (code is not null && (code.Trim() != stored.HomeCountyCode || name is not null && name.Trim() != stored.CountyName))
            {
                throw Contradicted(home, stored, $"--county {code}{(name is null ? "" : $" {countyName!.Name} {name}")}");
            }
            if (carried is not null && carried.HomeCountyCode != stored.HomeCountyCode)
            {
                throw Contradicted(home, stored, $"{Path.Combine(dropFolder!, Installation.FileName)} ({carried})");
            }
            return stored;
        }

        Installation chosen;
        string from;
        if (code is not null)
        {
            if (name is null)
            {
                throw new InstallationException(
                    $"首次设定本安装所服务的县须同时给出县名：--county {code} {countyName?.Name ?? "--county-name"} <县名> " +
                    $"(the first --county of an installation needs the county's name too).");
            }
            chosen = new Installation(code, name);
            from = "--county";
        }
        else if (carried is not null)
        {
            chosen = carried;
            from = Path.Combine(dropFolder!, Installation.FileName);
        }
        else
        {
            throw new InstallationException(
                $"本安装（{home}）尚未设定所服务的县：请先运行 reliefmatch init --county <六位区划代码> --name <县名>，例如 " +
                "reliefmatch init --county 450326 --name 永福县 " +
                "(this installation has no home county yet: run `reliefmatch init --county CODE --name NAME` first).");
        }
        var path = chosen.Write(home);
        notices.WriteLine($"本安装设为服务 {chosen}，依据 {from}，已写入 {path} (this installation now serves county {chosen.HomeCountyCode}).");
        return chosen;
    }

    private static InstallationException Contradicted(string home, Installation stored, string other) => new(
        $"本安装服务 {stored}（见 {Path.Combine(home, Installation.FileName)}），与 {other} 不符；一个 --home 只服务一个县 " +
        "(one --home serves one county; use another --home for another county).");
}
