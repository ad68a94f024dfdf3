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
        Description = "本安装的状态文件夹（专用 PostgreSQL 数据库、县设置）；设置了 RELIEFMATCH_DB 时数据库不在此处。",
        DefaultValueFactory = _ => ".reliefmatch",
        Recursive = true,
    };

    public static readonly Option<string?> Rules = new("--rules")
    {
        Description = "规则文件夹（默认：当前目录的 rules，没有则用程序自带的规则）。",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "在标准错误输出上记录运行过程（数据库启动、迁移、导入）。",
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
            result.AddError($"--period“{text}”不是 YYYY-MM 格式的月份（例如 2023-07）(not a month in the form YYYY-MM).");
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
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1 || result.GetValueOrDefault<int>() > max)
            {
                result.AddError($"{name} 须在 1 到 {max} 之间 (must be between 1 and {max}).");
            }
        });
        return option;
    }
}
