using System.Collections;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// The command line's help and parse errors in Chinese, as every other line a county officer reads. System.CommandLine's
/// own Chinese resources translate only part of its texts ("Description:", "(REQUIRED)", "[default: …]" and "Option
/// '--period' is required." stay English), so the help is written here, and its usual parse errors are put in Chinese.
/// </summary>
public static partial class ChineseHelp
{
    /// <summary>Gives the root's help option this help and the help and version options Chinese descriptions.</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "显示帮助和用法。";
                    help.Action = new HelpWriter();
                    break;
                case VersionOption version:
                    version.Description = "显示版本信息。";
                    break;
            }
        }
    }

    /// <summary>
    /// When the command line does not parse (and help was not asked for), its errors, one <c>错误：</c> line each in
    /// Chinese, and where to find the usage; exit code 1, as the parser's own error action gives.
    /// </summary>
    public static async Task<int?> RefuseAsync(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Action is not ParseErrorAction)
        {
            return null;
        }
        foreach (var error in parse.Errors)
        {
            await CliErrors.WriteAsync(Translate(error.Message));
        }
        await Console.Error.WriteLineAsync($"用法见 {CommandPath(parse.CommandResult.Command)} --help。");
        return 1;
    }

    /// <summary>A parser error in Chinese: the texts its Chinese resources leave English, and every message on one line.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (RequiredOption().Match(line) is { Success: true } required)
        {
            return $"缺少必填的选项 {required.Groups[1].Value}。";
        }
        if (MissingArgument().Match(line) is { Success: true } missing)
        {
            return $"{(missing.Groups[1].Value == "command" ? "命令" : "选项")} {missing.Groups[2].Value} 缺少参数。";
        }
        if (CannotParse().Match(line) is { Success: true } parse)
        {
            return $"选项 {parse.Groups[2].Value} 的值“{parse.Groups[1].Value}”格式不对。";
        }
        // The parser's Chinese resources end some sentences twice (。.).
        return line.Replace("。.", "。", StringComparison.Ordinal);
    }

    /// <summary>The help of <paramref name="command"/>: what it does, its usage, arguments, options (its own and those its parents pass down) and subcommands.</summary>
    public static void Write(Command command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        var options = command.Options
            .Concat(Ancestors(command).SelectMany(a => a.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden).Distinct().ToList();
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();

        if (command.Description is { Length: > 0 } description)
        {
            output.WriteLine(description);
            output.WriteLine();
        }
        output.WriteLine("用法：");
        output.WriteLine("  " + string.Join(" ", new[] { CommandPath(command) }
            .Concat(arguments.Select(a => $"<{a.HelpName ?? a.Name}>"))
            .Concat(subcommands.Count > 0 ? ["[命令]"] : [])
            .Concat(options.Count > 0 ? ["[选项]"] : [])));
        Section(output, "参数：", arguments.Select(a => ($"<{a.HelpName ?? a.Name}>", a.Description ?? "")));
        Section(output, "选项：", options.Select(o => (Label(o), (o.Required ? "（必填）" : "") + (o.Description ?? "") + DefaultText(o))));
        Section(output, "命令：", subcommands.Select(c => (
            string.Join(" ", new[] { c.Name }.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>"))),
            c.Description ?? "")));
    }

    private static void Section(TextWriter output, string title, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var width = Math.Min(list.Max(r => r.Label.Length), 40) + 2;
        output.WriteLine();
        output.WriteLine(title);
        foreach (var (label, text) in list)
        {
            output.WriteLine(label.Length >= width ? $"  {label}\n  {new string(' ', width)}{text}" : $"  {label.PadRight(width)}{text}");
        }
    }

    private static string Label(Option option)
    {
        // The Windows spellings (/?, /h) of the help option are left out: the program runs on Linux servers.
        var names = option.Aliases.Append(option.Name).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        var value = TakesNoValue(option) ? "" : $" <{option.HelpName ?? option.Name.TrimStart('-')}>";
        return string.Join(", ", names) + value;
    }

    private static string DefaultText(Option option)
    {
        if (!option.HasDefaultValue || TakesNoValue(option))
        {
            return "";
        }
        var text = option.GetDefaultValue() switch
        {
            null => "",
            string s => s,
            IEnumerable values => string.Join(",", values.Cast<object>()),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
        return text.Length == 0 ? "" : $"（默认：{text}）";
    }

    private static bool TakesNoValue(Option option) => option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0;

    private static string CommandPath(Command command) =>
        string.Join(" ", Ancestors(command).Reverse().Append(command).Select(c => c is RootCommand ? "reliefmatch" : c.Name));

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    [GeneratedRegex(@"^Option '(.+)' is required\.$", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Required argument missing for (command|option): '(.+)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.+)' as expected type", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();

    /// <summary>The help option's action: <see cref="Write"/> of the command the help was asked for, on standard output.</summary>
    private sealed class HelpWriter : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, Console.Out);
            return 0;
        }
    }
}
