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
            Description = "Addresses to listen on, separated by ';' (e.g. http://0.0.0.0:5080 to serve the office network).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var proxies = new Option<System.Net.IPNetwork[]>("--proxy")
        {
            Description = "A reverse proxy on another machine (an address, or a network such as 172.16.0.0/12) whose X-Forwarded-Proto and X-Forwarded-For are believed, comma separated (one on this machine always is).",
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
                        result.AddError($"--proxy '{part}' is not an IP address or network (e.g. 192.168.1.10 or 172.16.0.0/12).");
                        return [];
                    }
                }
                return networks.ToArray();
            },
        };
        var inbox = new Option<DirectoryInfo?>("--inbox") { Description = "Drop folder that uploads are saved into, one sub-folder per source (default: <home>/inbox)." };
        var runParts = CommonOptions.Count("--monthly-run-parts",
            "Split the scheduled monthly run by resident ID into N parts, each a job that any server on the same database may take (default 1: in one piece).", 1);
        var workers = CommonOptions.Count("--workers", "How many jobs this server runs at once (default 2, one per core of a small server).", 2);
        var command = new Command("serve", "The web workplace (网页工作台): uploads, imports, worklists, dispositions, the 统计表 and the audit log.") { urls, proxies, inbox, runParts, workers };
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
            Console.WriteLine($"ReliefMatch 网页工作台: {string.Join(" ", app.Urls)}");
            Console.WriteLine($"数据库 database: {database.Description}");
            Console.WriteLine($"收件目录 inbox: {settings.Inbox}");
            if ((await new UserStore(database.DataSource, time).ListAsync(cancellationToken)).Count == 0)
            {
                Console.WriteLine("还没有用户 (no users yet): echo '密码' | reliefmatch user add 姓名 --role county --password-stdin");
            }
            Console.WriteLine("按 Ctrl+C 停止 (Ctrl+C stops the server).");
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
