using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Cli;

/// <summary>
/// <c>reliefmatch user add|list|disable|enable|password</c>: the workplace's accounts. Passwords are read from
/// standard input only (never the command line, which other users of the machine can see) and stored hashed.
/// </summary>
public static class UserCommand
{
    /// <param name="installation">Lists the townships a township user may belong to, beside those the rosters name (default: the home's, <see cref="InstallationOptions"/>).</param>
    public static Command Create(TimeProvider time, Installation? installation = null)
    {
        var command = new Command("user", "Workplace accounts (用户): county officers and township staff.");
        command.Subcommands.Add(Add(time, installation));
        command.Subcommands.Add(List(time));
        command.Subcommands.Add(SetEnabled(time, enabled: false));
        command.Subcommands.Add(SetEnabled(time, enabled: true));
        command.Subcommands.Add(Password(time));
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The user name people sign in with (e.g. 张三 or luojin01)." };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input (required)." };

    private static Command Add(TimeProvider time, Installation? installation)
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "county (县民政局: every township) or township (乡镇: its own township only).", Required = true };
        role.AcceptOnlyFromAmong(WorkplaceClaims.CountyRole, WorkplaceClaims.TownshipRole);
        var township = new Option<string?>("--township") { Description = "The township of a township user, as the roster spells it or the installation lists it (e.g. 罗锦镇)." };
        var stdin = PasswordStdin();
        var command = new Command("add", "Add a user.") { name, role, township, stdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            UserRoleText.TryParse(parse.GetValue(role), out var userRole);
            var townshipName = parse.GetValue(township)?.Trim();
            if (userRole == UserRole.Township && string.IsNullOrEmpty(townshipName))
            {
                return await FailAsync("a township user needs --township 乡镇.");
            }
            if (userRole == UserRole.County && townshipName is not null)
            {
                return await FailAsync("a county user has no --township.");
            }
            var password = await ReadPasswordAsync(parse.GetValue(stdin));
            if (password.Problem is { } problem)
            {
                return await FailAsync(problem);
            }
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            if (townshipName is not null && await TownshipCheck.ProblemAsync(database.DataSource, installation ?? InstallationOptions.Resolve(parse, Console.Error), townshipName, cancellationToken) is { } unknown)
            {
                return await FailAsync(unknown);
            }
            var users = new UserStore(database.DataSource, time);
            var user = await users.AddAsync(parse.GetValue(name)!, userRole, townshipName, Passwords.Hash(password.Text!), cancellationToken);
            if (user is null)
            {
                return await FailAsync($"a user named '{parse.GetValue(name)!.Trim()}' already exists.");
            }
            Console.WriteLine($"added {user.Name} ({user.Role.Id()}{(user.Township is { } t ? " " + t : "")}).");
            return 0;
        });
        return command;
    }

    private static Command List(TimeProvider time)
    {
        var command = new Command("list", "List the users: name, role, township, state.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            var now = time.GetUtcNow();
            foreach (var user in await new UserStore(database.DataSource, time).ListAsync(cancellationToken))
            {
                var state = !user.Enabled ? "disabled"
                    : user.IsLockedAt(now) ? $"locked until {WorkplaceClock.Text(user.LockedUntil!.Value)}"
                    : "enabled";
                Console.WriteLine($"{user.Name}\t{user.Role.Id()}\t{user.Township ?? "-"}\t{state}");
            }
            return 0;
        });
        return command;
    }

    private static Command SetEnabled(TimeProvider time, bool enabled)
    {
        var name = NameArgument();
        var command = new Command(enabled ? "enable" : "disable", enabled ? "Enable a disabled user again." : "Disable a user: sign-in refused, signed-in browsers signed out.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            if (!await new UserStore(database.DataSource, time).SetEnabledAsync(parse.GetValue(name)!, enabled, cancellationToken))
            {
                return await FailAsync($"no user named '{parse.GetValue(name)!.Trim()}'.");
            }
            Console.WriteLine($"{(enabled ? "enabled" : "disabled")} {parse.GetValue(name)!.Trim()}.");
            return 0;
        });
        return command;
    }

    private static Command Password(TimeProvider time)
    {
        var name = NameArgument();
        var stdin = PasswordStdin();
        var command = new Command("password", "Set a new password (also lifts a lock-out; signed-in browsers are signed out).") { name, stdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = await ReadPasswordAsync(parse.GetValue(stdin));
            if (password.Problem is { } problem)
            {
                return await FailAsync(problem);
            }
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            if (!await new UserStore(database.DataSource, time).SetPasswordAsync(parse.GetValue(name)!, Passwords.Hash(password.Text!), cancellationToken))
            {
                return await FailAsync($"no user named '{parse.GetValue(name)!.Trim()}'.");
            }
            Console.WriteLine($"password of {parse.GetValue(name)!.Trim()} changed.");
            return 0;
        });
        return command;
    }

    private static async Task<(string? Text, string? Problem)> ReadPasswordAsync(bool fromStdin)
    {
        if (!fromStdin)
        {
            return (null, "give the password on standard input with --password-stdin (e.g. `reliefmatch user add NAME --role county --password-stdin < file`).");
        }
        var line = await Console.In.ReadLineAsync();
        if (line is null)
        {
            return (null, "no password on standard input.");
        }
        var password = line.TrimEnd('\r', '\n');
        return Passwords.Problem(password) is { } problem ? (null, problem) : (password, null);
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"error: {message}");
        return 2;
    }
}
