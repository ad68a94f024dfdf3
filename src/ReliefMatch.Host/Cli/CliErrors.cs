using System.CommandLine;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;
using ReliefMatch.Readers;
using ReliefMatch.Storage;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// Broken configuration (no database, no home county, a bad rule file, an unreadable folder) ends the command with one clear
/// message and exit code 3, not a stack trace; a database lost in the middle of the work (stopped, restarted,
/// the connection dropped) with one saying so and exit code 4; bugs still show theirs.
/// </summary>
public static class CliErrors
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && ReliefMatch.Host.Jobs.TransientFailures.IsTransient(e) && InvolvesDatabase(e))
        {
            await Console.Error.WriteLineAsync(
                "error: 数据库连接中断，命令没有完成 (the connection to the database was lost; the command did not finish): " +
                $"{FirstLine(e)}\n数据库恢复后重新运行同一命令即可：已导入的文件不会重复导入 (run the same command again once the database is back: nothing is imported twice).");
            return 4;
        }
        catch (Exception e) when (e is DatabaseUnavailableException or RuleFileException or ExtractRefusedException or ReliefMatch.Storage.Imports.ExtractUnreadableException
                                      or DirectoryNotFoundException or UnauthorizedAccessException or IOException
                                      or ReliefMatch.Storage.Migrations.SchemaTooNewException or ReliefMatch.Host.Runs.InstallationException
                                      or ReliefMatch.Host.Runs.RunRefusedException)
        {
            // A refusal or a database error may quote a file's cell or a key: IDs masked, as in every log.
            await Console.Error.WriteLineAsync($"error: {IdText.MaskIds(e.Message)}");
            return 3;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled.");
            return 130;
        }
    }

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
