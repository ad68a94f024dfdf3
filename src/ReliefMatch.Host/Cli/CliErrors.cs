using System.CommandLine;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Rules;
using ReliefMatch.Readers;
using ReliefMatch.Storage;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// Broken configuration (no database, a bad rule file, an unreadable folder) ends the command with one clear
/// message and exit code 3, not a stack trace; bugs still show theirs.
/// </summary>
public static class CliErrors
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is DatabaseUnavailableException or RuleFileException or ExtractRefusedException or ReliefMatch.Storage.Imports.ExtractUnreadableException
                                      or DirectoryNotFoundException or UnauthorizedAccessException or IOException
                                      or ReliefMatch.Storage.Migrations.SchemaTooNewException)
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
}
