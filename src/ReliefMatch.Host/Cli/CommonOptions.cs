using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Core.Periods;
using ReliefMatch.Storage;

namespace ReliefMatch.Host.Cli;

/// <summary>Options every command that touches the database shares.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Home = new("--home")
    {
        Description = "State folder of this installation (private PostgreSQL cluster, settings). Ignored for the database when RELIEFMATCH_DB is set.",
        DefaultValueFactory = _ => ".reliefmatch",
        Recursive = true,
    };

    public static readonly Option<string?> Rules = new("--rules")
    {
        Description = "Folder of rule files (default: ./rules, else the rules shipped with the program).",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Log what happens (database start, migrations, imports) to standard error.",
        Recursive = true,
    };

    public static Option<ReportingMonth> Period(bool required, string description) => new("--period")
    {
        Description = description,
        Required = required,
        HelpName = "YYYY-MM",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ReportingMonth.TryParse(text, out var month))
            {
                return month;
            }
            result.AddError($"--period '{text}' is not a month in the form YYYY-MM (e.g. 2023-07).");
            return default;
        },
    };

    public static ILoggerFactory Logging(ParseResult parse) =>
        LoggerFactory.Create(b => MaskedConsoleLog.AddTo(b, "HH:mm:ss.fff ")
            .AddFilter(level => level >= (parse.GetValue(Verbose) ? LogLevel.Information : LogLevel.Warning))
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    public static Task<Database> OpenDatabaseAsync(ParseResult parse, ILogger logger, CancellationToken cancellationToken) =>
        Database.OpenAsync(new DatabaseOptions { Home = parse.GetValue(Home)! }, logger, cancellationToken);

    /// <summary>An option taking a count from 1 to <paramref name="max"/> (how many parts, how many workers).</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int max = 64)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1 || result.GetValueOrDefault<int>() > max)
            {
                result.AddError($"{name} must be between 1 and {max}.");
            }
        });
        return option;
    }
}
