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
        var command = new Command("user", "网页工作台的用户：县民政局工作人员和乡镇工作人员。");
        command.Subcommands.Add(Add(time, installation));
        command.Subcommands.Add(List(time));
        command.Subcommands.Add(SetEnabled(time, enabled: false));
        command.Subcommands.Add(SetEnabled(time, enabled: true));
        command.Subcommands.Add(Password(time));
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "登录用的用户名（如 张三 或 luojin01）。" };

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "从标准输入的第一行读取密码（必须）。" };

    private static Command Add(TimeProvider time, Installation? installation)
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "county（县民政局：所有乡镇）或 township（乡镇：只看本乡镇）。", Required = true };
        role.AcceptOnlyFromAmong(WorkplaceClaims.CountyRole, WorkplaceClaims.TownshipRole);
        var township = new Option<string?>("--township") { Description = "乡镇用户所属的乡镇，按名册或本安装所列的写法（如 罗锦镇）。" };
        var stdin = PasswordStdin();
        var command = new Command("add", "添加用户。") { name, role, township, stdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            UserRoleText.TryParse(parse.GetValue(role), out var userRole);
            var townshipName = parse.GetValue(township)?.Trim();
            if (userRole == UserRole.Township && string.IsNullOrEmpty(townshipName))
            {
                return await FailAsync("乡镇用户须给出 --township 乡镇 (a township user needs --township).");
            }
            if (userRole == UserRole.County && townshipName is not null)
            {
                return await FailAsync("县级用户不属于某个乡镇，不能给出 --township (a county user has no --township).");
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
                return await FailAsync($"用户“{parse.GetValue(name)!.Trim()}”已存在 (already exists).");
            }
            Console.WriteLine($"已添加用户 {user.Name}（{RoleWords(user.Role)}{(user.Township is { } t ? " " + t : "")}）(added).");
            return 0;
        });
        return command;
    }

    private static Command List(TimeProvider time)
    {
        var command = new Command("list", "列出用户：用户名、角色、乡镇、状态。");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            var now = time.GetUtcNow();
            foreach (var user in await new UserStore(database.DataSource, time).ListAsync(cancellationToken))
            {
                var state = !user.Enabled ? "已停用"
                    : user.IsLockedAt(now) ? $"已锁定至 {WorkplaceClock.Text(user.LockedUntil!.Value)}"
                    : "可用";
                Console.WriteLine($"{user.Name}\t{RoleWords(user.Role)}\t{user.Township ?? "-"}\t{state}");
            }
            return 0;
        });
        return command;
    }

    private static Command SetEnabled(TimeProvider time, bool enabled)
    {
        var name = NameArgument();
        var command = new Command(enabled ? "enable" : "disable", enabled ? "重新启用已停用的用户。" : "停用用户：不能再登录，已登录的浏览器被登出。") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var logging = CommonOptions.Logging(parse);
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logging.CreateLogger("reliefmatch"), cancellationToken);
            if (!await new UserStore(database.DataSource, time).SetEnabledAsync(parse.GetValue(name)!, enabled, cancellationToken))
            {
                return await FailAsync(NoSuchUser(parse.GetValue(name)!));
            }
            Console.WriteLine($"{(enabled ? "已启用" : "已停用")}用户 {parse.GetValue(name)!.Trim()} ({(enabled ? "enabled" : "disabled")}).");
            return 0;
        });
        return command;
    }

    private static Command Password(TimeProvider time)
    {
        var name = NameArgument();
        var stdin = PasswordStdin();
        var command = new Command("password", "设置新密码（同时解除锁定；已登录的浏览器被登出）。") { name, stdin };
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
                return await FailAsync(NoSuchUser(parse.GetValue(name)!));
            }
            Console.WriteLine($"用户 {parse.GetValue(name)!.Trim()} 的密码已更改 (password changed).");
            return 0;
        });
        return command;
    }

    private static async Task<(string? Text, string? Problem)> ReadPasswordAsync(bool fromStdin)
    {
        if (!fromStdin)
        {
            return (null, "请用 --password-stdin 从标准输入给出密码，例如 reliefmatch user add 姓名 --role county --password-stdin < 文件 (the password is read from standard input only).");
        }
        var line = await Console.In.ReadLineAsync();
        if (line is null)
        {
            return (null, "标准输入上没有密码 (no password on standard input).");
        }
        var password = line.TrimEnd('\r', '\n');
        return Passwords.Problem(password) is { } problem ? (null, problem) : (password, null);
    }

    private static string NoSuchUser(string name) => $"没有名为“{name.Trim()}”的用户 (no such user).";

    /// <summary>The role as the workplace's pages word it, its id after it (what <c>--role</c> takes).</summary>
    private static string RoleWords(UserRole role) => $"{(role == UserRole.County ? "县级" : "乡镇")} {role.Id()}";

    private static async Task<int> FailAsync(string message)
    {
        await CliErrors.WriteAsync(message);
        return 2;
    }
}
