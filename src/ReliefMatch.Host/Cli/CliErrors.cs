using System.CommandLine;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;
using ReliefMatch.Readers;
using ReliefMatch.Storage;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// Broken configuration (no database, no home county, a bad rule file, an unreadable folder) ends the command with one clear
/// message and exit code 3, not a stack trace; a database lost in the middle of the work (stopped, restarted,
/// the connection dropped) with one saying so and exit code 4; bugs still show theirs. Every message a command prints is
/// Chinese first, an English gloss in parentheses after it where engineers read it too; an error line begins <c>错误：</c>.
/// </summary>
public static class CliErrors
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            var parse = root.Parse(args);
            return await ChineseHelp.RefuseAsync(parse) ?? await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && ReliefMatch.Host.Jobs.TransientFailures.IsTransient(e) && InvolvesDatabase(e))
        {
            await Console.Error.WriteLineAsync(
                "错误：数据库连接中断，命令没有完成 (the connection to the database was lost; the command did not finish): " +
                $"{FirstLine(e)}\n数据库恢复后重新运行同一命令即可：已导入的文件不会重复导入 (run the same command again once the database is back: nothing is imported twice).");
            return 4;
        }
        catch (Exception e) when (e is DatabaseUnavailableException or RuleFileException or ExtractRefusedException or ReliefMatch.Storage.Imports.ExtractUnreadableException
                                      or DirectoryNotFoundException or UnauthorizedAccessException or IOException
                                      or ReliefMatch.Storage.Migrations.SchemaTooNewException or ReliefMatch.Host.Runs.InstallationException
                                      or ReliefMatch.Host.Runs.RunRefusedException)
        {
            // A refusal or a database error may quote a file's cell or a key: IDs masked, as in every log.
            await WriteAsync(Heading(e) + e.Message);
            return 3;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("已取消 (cancelled).");
            return 130;
        }
    }

    /// <summary>
    /// One error line on standard error, <c>错误：</c> and the message with any ID number in it masked 6+4 (a refusal or a
    /// database error may quote a file's cell or a key, and standard error ends up in logs).
    /// </summary>
    public static void Write(string message) => Console.Error.WriteLine(Line(message));

    /// <inheritdoc cref="Write"/>
    public static Task WriteAsync(string message) => Console.Error.WriteLineAsync(Line(message));

    /// <summary>The refusal of a drop folder (<c>--input</c>) that does not exist.</summary>
    public static string NoDropFolder(string folder) => $"收件目录“{folder}”不存在 (the drop folder does not exist).";

    private static string Line(string message) => $"错误：{IdText.MaskIds(message)}";

    /// <summary>
    /// What went wrong, in Chinese, before an exception's own message (which for the database and file system is
    /// English, for the engineer who sets them up); nothing before the installation's and the run's refusals, which
    /// are Chinese already.
    /// </summary>
    private static string Heading(Exception e) => e switch
    {
        DatabaseUnavailableException => "数据库不可用 (database unavailable)：",
        ReliefMatch.Storage.Migrations.SchemaTooNewException => "数据库的结构版本比本程序新，请使用新版程序 (schema too new)：",
        RuleFileException => "规则文件或数据源声明有误 (bad rule file)：",
        ExtractRefusedException or ReliefMatch.Storage.Imports.ExtractUnreadableException => "文件无法导入 (file refused)：",
        DirectoryNotFoundException or UnauthorizedAccessException or IOException => "文件或文件夹无法访问 (file or folder not accessible)：",
        _ => "",
    };

    private static bool InvolvesDatabase(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException or DatabaseConnectionLostException
                || e is AggregateException aggregate && aggregate.InnerExceptions.Any(InvolvesDatabase))
            {
                return true;
            }
        }
        return false;
    }

    private static string FirstLine(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : e;
        var text = inner.Message;
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
