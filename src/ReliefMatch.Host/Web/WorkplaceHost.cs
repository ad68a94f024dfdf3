using ReliefMatch.Storage.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Pages;
using ReliefMatch.Host.Web.Uploads;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Findings;
using ReliefMatch.Storage.Workplace;

namespace ReliefMatch.Host.Web;

/// <summary>
/// The web workplace of <c>reliefmatch serve</c>: one ASP.NET Core host with server-rendered pages (no script,
/// no external files), cookie sign-in, antiforgery on every form, role checks on every page and file, and
/// the audit log. The database is opened (and later closed) by the caller.
/// </summary>
public static class WorkplaceHost
{
    public const string CookieName = "reliefmatch.auth";

    /// <summary>How long a sign-in lasts without use (the cookie's sliding lifetime, and the session's on the server).</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(8);

    /// <summary>Where the jobs' dashboard lives: the county role only.</summary>
    public const string JobsDashboardPath = "/hangfire";

    /// <summary>Builds the host; start it with <c>StartAsync</c> (or <c>RunAsync</c>).</summary>
    /// <param name="hooks">What the scheduled jobs add (<see cref="WorkplaceHooks.None"/> for the workplace alone).</param>
    public static WebApplication Build(WorkplaceSettings settings, Database database, RuleSet rules, TimeProvider time, WorkplaceHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(hooks);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        MaskedConsoleLog.AddTo(builder.Logging, "HH:mm:ss ");
        builder.Logging.AddFilter(level => level >= (settings.Verbose ? LogLevel.Information : LogLevel.Warning));
        // The keys protecting cookies lie unencrypted in the state folder by design (its permissions guard them); no warning each start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        AddServices(builder.Services, settings, database, rules, time);
        hooks.AddServices(builder);

        var app = builder.Build();
        UsePipeline(app, hooks);
        return app;
    }

    private static void AddServices(IServiceCollection services, WorkplaceSettings settings, Database database, RuleSet rules, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(database);
        services.AddSingleton(database.DataSource);
        // Pages resolve the rule set per request from the holder, so a rule published from the web is in force at once.
        services.AddSingleton(new CurrentRules(rules));
        services.AddTransient(sp => sp.GetRequiredService<CurrentRules>().Rules);
        services.AddSingleton(time);
        services.AddSingleton(settings.Lockout);
        services.AddSingleton(_ => new UserStore(database.DataSource, time));
        services.AddSingleton(_ => new AuditLog(database.DataSource, time));
        services.AddSingleton(_ => new FindingStore(database.DataSource, time));
        services.AddSingleton(_ => new FindingQueries(database.DataSource));
        services.AddSingleton(_ => new FindingExplainer(database.DataSource));
        services.AddSingleton(_ => new ImportHistory(database.DataSource));
        services.AddSingleton(_ => new RunHistory(database.DataSource));
        services.AddSingleton(_ => new TownshipDirectory(database.DataSource));
        services.AddSingleton(_ => new WorklistReturnStore(database.DataSource, time));
        // What the scheduled jobs store, for the county's pages (the jobs register the same stores when they run here).
        services.AddSingleton(_ => new JobRunStore(database.DataSource, time));
        services.AddSingleton(_ => new SampleDrawStore(database.DataSource, time));
        services.AddSingleton(_ => new DueListStore(database.DataSource, time));
        services.AddSingleton(_ => new ReliefMatch.Storage.Statistics.TownshipEntryStore(database.DataSource));
        services.AddSingleton(_ => new ReliefMatch.Storage.Statistics.MonthFigureStore(database.DataSource));
        services.AddSingleton(_ => new ReliefMatch.Storage.Statistics.PublishedSheetStore(database.DataSource));
        services.AddSingleton(_ => new ReliefMatch.Storage.Imports.PendingFileStore(database.DataSource, time));
        services.AddSingleton<PendingConfirmation>();
        services.AddSingleton<MonthServices>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<RuleTitles>();
        services.AddSingleton<WorklistService>();
        services.AddSingleton<WorklistReturnService>();
        services.AddSingleton(_ => new ReliefMatch.Storage.Accuracy.ControlListStore(database.DataSource, time));
        services.AddSingleton<ControlReturn>();
        services.AddSingleton<ExtractUploadSaver>();
        services.AddSingleton<IExtractUploadProcessor, ImmediateExtractImport>();
        if (database.Cluster is { } cluster)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ClusterWatchdog>(sp, cluster));
        }

        // Cookies stay valid across restarts: the keys that protect them live in the state folder, readable by its owner only.
        var keysPath = Path.Combine(settings.Home, "keys");
        var keys = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(keysPath)
            : Directory.CreateDirectory(keysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        services.AddDataProtection().SetApplicationName("ReliefMatch").PersistKeysToFileSystem(keys);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(settings.MaxExtractUploadBytes, settings.MaxReturnUploadBytes));
        // Behind the reverse proxy (on this machine, or one named with --proxy) the request is as the browser made
        // it: HTTPS when it reached the proxy so, and from the browser's address. Cookies are Secure exactly then.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.KnownProxies.Add(System.Net.IPAddress.Loopback);
            o.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
            foreach (var proxy in settings.Proxies)
            {
                o.KnownIPNetworks.Add(proxy);
            }
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reliefmatch.form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            // Strict: a link from another site never arrives signed in, so no download or page is reached from outside.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/login";
            o.ExpireTimeSpan = SignInLifetime;
            o.SlidingExpiration = true;
            o.TimeProvider = time;
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidatePrincipalAsync,
                // A signed-in user without the role gets a plain 403, never a page of data.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkplaceClaims.CountyPolicy, p => p.RequireAuthenticatedUser().RequireRole(WorkplaceClaims.CountyRole))
            // Every endpoint needs a signed-in user unless it says otherwise (only the sign-in page does).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>
    /// Each request checks that the cookie's session is still live (not signed out, not idle too long), and that
    /// its account is enabled and has the stamp the cookie carries: a sign-out, a disabled user or a changed
    /// password signs the browser out at once, and every copy of its cookie with it.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = principal?.SessionId() is { } session ? await users.FindBySessionAsync(session, SignInLifetime, context.HttpContext.RequestAborted) : null;
        if (principal is null || user is null || user.Id != principal.Id() || !user.Enabled || user.Stamp != principal.FindFirst(WorkplaceClaims.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static void UsePipeline(WebApplication app, WorkplaceHooks hooks)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            context.Response.ContentType = PageResults.HtmlContentType;
            return context.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>出错了</title><p>服务器出错，请稍后再试；如一再出现，请联系县民政局。</p></html>");
        }));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // The jobs dashboard brings its own scripts and styles and decides its own caching; the rest is ours.
            if (!context.Request.Path.StartsWithSegments(JobsDashboardPath))
            {
                // Pages carry personal data: never kept by the browser or a proxy (and as antiforgery wants it).
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
                // No script at all, styles only inline, forms only to this site.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            }
            await next(context);
        });
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            // Only answers without a body get here: an unknown address, or a refusal by the authorization policies.
            if (context.Response.StatusCode is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            {
                var page = context.Response.StatusCode == StatusCodes.Status403Forbidden ? PageResults.Forbidden(context) : PageResults.NotFound(context);
                await page.ExecuteAsync(context);
            }
        });
        app.UseRouting();
        app.UseAuthentication();
        // Every refusal, whether by a role policy, a page's own check or the jobs dashboard's, goes into the audit log.
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
            {
                await WorkplaceAudit.WriteRefusalAsync(context);
            }
        });
        app.UseAuthorization();

        // A township user's reads of findings and returned worklists run under the database's row-level security for
        // the user's own township: should a page check ever be wrong, PostgreSQL still returns no other township's rows.
        app.Use(async (context, next) =>
        {
            if (context.User.Township() is not { } township)
            {
                await next(context);
                return;
            }
            using (TownshipWall.Enter(township))
            {
                await next(context);
            }
        });

        // The jobs dashboard is the county's: whatever the jobs map under /hangfire, township staff and anonymous
        // visitors never reach it.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(JobsDashboardPath))
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    await context.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    return;
                }
                if (!context.User.IsCounty())
                {
                    await PageResults.Forbidden(context).ExecuteAsync(context);
                    return;
                }
                await DashboardAudit.HandleAsync(context, next);
                return;
            }
            await next(context);
        });
        hooks.UseApp(app);

        var site = app.MapGroup("").AddEndpointFilter<FormGuard>();
        AccountPages.Map(site);
        TownshipPages.Map(site);
        FindingPages.MapSite(site);
        FindingDetailPages.Map(site);
        var county = site.MapGroup("/county").RequireAuthorization(WorkplaceClaims.CountyPolicy);
        CountyPages.Map(county);
        UploadPages.Map(county);
        ImportPages.Map(county);
        RunPages.Map(county);
        FindingPages.Map(county);
        StatisticsPages.Map(county);
        JobListPages.Map(county);
        AuditPages.Map(county);
        MonthPages.Map(county);
        ReplayPages.Map(county);
        UserPages.Map(county);
        AccuracyPages.Map(county);
        // Without the jobs there is no dashboard: the county is told so, everyone else was refused above.
        site.MapGet("/hangfire/{**rest}", (HttpContext context) => PageResults.Page(context, "任务面板",
            Html.HtmlText.Of($"""<p>本安装未启用定时任务，没有任务面板。</p>"""), StatusCodes.Status404NotFound))
            .RequireAuthorization(WorkplaceClaims.CountyPolicy)
            // Below any dashboard the jobs map at the same address.
            .WithOrder(1000);
    }
}
