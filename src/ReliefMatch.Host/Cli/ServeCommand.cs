using ReliefMatch.Host.Jobs;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Cli;

/// <summary><c>reliefmatch serve [--urls http://127.0.0.1:5080] [--proxy ADDRESS] [--inbox DIR]</c>: the web workplace (and, with them, the scheduled jobs).</summary>
public static class ServeCommand
{
    public static Command Create(TimeProvider time)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "监听地址，多个以分号分隔（如 http://0.0.0.0:5080 供办公网访问）。",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var proxies = new Option<System.Net.IPNetwork[]>("--proxy")
        {
            Description = "另一台机器上的反向代理（地址，或 172.16.0.0/12 这样的网段，多个以逗号分隔），信任其 X-Forwarded-Proto 和 X-Forwarded-For（本机的代理总是信任）。",
            HelpName = "ADDRESS[,ADDRESS…]",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result =>
            {
                var networks = new List<System.Net.IPNetwork>();
                foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                {
                    if (System.Net.IPNetwork.TryParse(part, out var network))
                    {
                        networks.Add(network);
                    }
                    else if (System.Net.IPAddress.TryParse(part, out var address))
                    {
                        networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
                    }
                    else
                    {
                        result.AddError($"--proxy“{part}”不是 IP 地址或网段（如 192.168.1.10 或 172.16.0.0/12）(not an IP address or network).");
                        return [];
                    }
                }
                return networks.ToArray();
            },
        };
        var inbox = new Option<DirectoryInfo?>("--inbox") { Description = "收件目录：上传的文件保存在这里，每个数据来源一个子文件夹（默认：<home>/inbox）。" };
        var runParts = CommonOptions.Count("--monthly-run-parts",
            "按身份证号把定时的每月比对分成 N 片，每片一个任务，由连接同一数据库的任一服务器执行（默认 1：不分片）。", 1);
        var workers = CommonOptions.Count("--workers", "本服务器同时运行的任务数（默认 2，小型服务器每核一个）。", 2);
        var command = new Command("serve", "网页工作台：上传、导入、核查清单、核查处置、统计表和审计日志，以及定时任务。") { urls, proxies, inbox, runParts, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = Path.GetFullPath(parse.GetValue(CommonOptions.Home)!);
            var installation = InstallationOptions.Resolve(parse, Console.Error);
            var settings = new WorkplaceSettings
            {
                Urls = parse.GetValue(urls)!,
                Proxies = parse.GetValue(proxies) ?? [],
                Home = home,
                Inbox = parse.GetValue(inbox)?.FullName ?? WorkplaceSettings.DefaultInbox(home),
                Installation = installation,
                Verbose = parse.GetValue(CommonOptions.Verbose),
            };
            Directory.CreateDirectory(settings.Inbox);
            var rulesFolder = RuleFolder.Resolve(parse.GetValue(CommonOptions.Rules));
            settings = settings with { RulesFolder = rulesFolder };
            var rules = RuleFolder.Load(rulesFolder);
            using var logging = CommonOptions.Logging(parse);
            var logger = logging.CreateLogger("reliefmatch");
            await using var database = await CommonOptions.OpenDatabaseAsync(parse, logger, cancellationToken);

            await using var app = WorkplaceHost.Build(settings, database, rules, time, JobsHooks(settings, database, rulesFolder, parse.GetValue(runParts), parse.GetValue(workers)));
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"ReliefMatch 网页工作台：{string.Join(" ", app.Urls)}");
            Console.WriteLine($"数据库 (database)：{database.Description}");
            Console.WriteLine($"收件目录 (inbox)：{settings.Inbox}");
            if ((await new UserStore(database.DataSource, time).ListAsync(cancellationToken)).Count == 0)
            {
                Console.WriteLine("还没有用户 (no users yet)，请先添加：echo '密码' | reliefmatch user add 姓名 --role county --password-stdin");
            }
            Console.WriteLine("按 Ctrl+C 停止 (Ctrl+C stops the server)。");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Where the scheduled jobs join the web host, and the only place: the Hangfire server, the recurring jobs and
    /// the /hangfire dashboard (county role only) of Host/Jobs.
    /// </summary>
    private static WorkplaceHooks JobsHooks(WorkplaceSettings settings, ReliefMatch.Storage.Database database, string rulesFolder, int monthlyRunParts, int workers) => new(
        builder => builder.Services.AddReliefMatchJobs(new JobsOptions
        {
            Database = database,
            Home = settings.Home,
            InboxFolder = settings.Inbox,
            RulesFolder = rulesFolder,
            Installation = settings.Installation,
            MonthlyRunParts = monthlyRunParts,
            WorkerCount = workers,
        }),
        app => app.UseReliefMatchJobs());
}
