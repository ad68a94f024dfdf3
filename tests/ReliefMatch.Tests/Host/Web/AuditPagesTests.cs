using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Host.Web;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Core.Matching;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The audit page narrowed by user, action and date in a real browser, every action in Chinese; and the jobs
/// dashboard's commands in the log with the user who gave them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class AuditPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres, JobsHooks());
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The jobs as <c>serve</c> adds them (dashboard and recurring jobs), without a server processing them.</summary>
    private static WorkplaceHooks JobsHooks() => new(
        builder =>
        {
            var database = (Database)builder.Services.Single(d => d.ServiceType == typeof(Database)).ImplementationInstance!;
            var settings = (WorkplaceSettings)builder.Services.Single(d => d.ServiceType == typeof(WorkplaceSettings)).ImplementationInstance!;
            builder.Services.AddReliefMatchJobs(new JobsOptions
            {
                Database = database,
                Home = settings.Home,
                InboxFolder = settings.Inbox,
                RulesFolder = ShippedRules.Folder,
                Installation = settings.Installation,
                RunServer = false,
            });
        },
        app => app.UseReliefMatchJobs());

    private async Task WriteAsync(string user, string action, string subject, DateTimeOffset at)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at);
        await new AuditLog(_server.Database.DataSource, time).WriteAsync(new AuditEntry(user, UserRole.County, null, action, subject));
    }

    [Fact]
    public async Task AuditPage_FilteredByUserActionAndDates_OnlyThoseLinesInChinese()
    {
        // 2023-08-01 23:30 in China is still the 1st there (15:30 UTC); 2023-08-02 00:30 in China is the 1st in UTC.
        await WriteAsync("county1", AuditActions.DownloadStatistics, "统计表 2023-07", new DateTimeOffset(2023, 8, 1, 15, 30, 0, TimeSpan.Zero));
        await WriteAsync("county1", AuditActions.DownloadStatistics, "统计表 2023-06", new DateTimeOffset(2023, 8, 1, 16, 30, 0, TimeSpan.Zero));
        await WriteAsync("county2", AuditActions.DownloadStatistics, "统计表 2023-05", new DateTimeOffset(2023, 8, 1, 15, 0, 0, TimeSpan.Zero));
        await WriteAsync("county1", AuditActions.TriggerJob, "立即执行定时任务：monthly-run", new DateTimeOffset(2023, 8, 1, 15, 0, 0, TimeSpan.Zero));

        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");
        browser.Navigate().GoToUrl(new Uri(_server.Address, "county/audit").AbsoluteUri);
        browser.FindElement(By.Id("user")).SendKeys("county1");
        browser.FindElement(By.CssSelector("#action option[value='download-statistics']")).Click();
        browser.FindElement(By.Id("from")).SendKeys("08012023"); // the date picker's typing order: month, day, year
        browser.FindElement(By.Id("to")).SendKeys("08012023");
        browser.FindElement(By.Id("filter")).Click();

        Assert.True(browser.FindElements(By.CssSelector("#audit-filter option[selected]")).Count == 1, browser.Url + "\n" + browser.PageSource);
        Assert.Contains("action=download-statistics", browser.Url, StringComparison.Ordinal);
        var rows = browser.FindElements(By.CssSelector("#audit tbody tr")).Select(r => r.FindElements(By.TagName("td")).Select(c => c.Text).ToList()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(["county1", "下载统计表", "统计表 2023-07"], new[] { row[2], row[5], row[6] });
        // The form keeps what was asked.
        Assert.Equal("county1", browser.FindElement(By.Id("user")).GetDomProperty("value"));
        Assert.Equal("2023-08-01", browser.FindElement(By.Id("from")).GetDomProperty("value"));

        // Every action the page lists is offered in Chinese.
        var options = browser.FindElements(By.CssSelector("#action option")).Select(o => o.GetDomProperty("textContent")!).Skip(1).ToList();
        Assert.Equal(AuditActions.All.Count, options.Count);
        Assert.All(options, o => Assert.Matches("^\\p{IsCJKUnifiedIdeographs}+$", o));
    }

    [Fact]
    public async Task AuditPage_BadDateOrAction_FormBackWithTheReason()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("county1");
        using var response = await client.GetAsync("/county/audit?from=2023-02-30&action=drop-table");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“起始日期”不是有效日期（应如 2023-07-12）：2023-02-30", html, StringComparison.Ordinal);
        Assert.Contains("未知的操作：drop-table", html, StringComparison.Ordinal);
        Assert.Contains("id=\"audit-filter\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_MoreThanAPage_OlderLinkKeepsTheFilter()
    {
        for (var i = 0; i < 201; i++)
        {
            await WriteAsync("county1", AuditActions.DownloadStatistics, $"第{i}次", WorkplaceServer.DefaultNow);
        }
        using var client = _server.Client();
        await client.SignInOkAsync("county1");

        var first = await client.PageAsync("/county/audit?action=download-statistics");
        var older = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        var second = await client.PageAsync(older);

        Assert.StartsWith("/county/audit?action=download-statistics&before=", older, StringComparison.Ordinal);
        Assert.Contains("第1次<", first, StringComparison.Ordinal);
        Assert.DoesNotContain("第0次<", first, StringComparison.Ordinal);
        Assert.Contains("第0次<", second, StringComparison.Ordinal);
        Assert.DoesNotContain("第1次<", second, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"older\"", second, StringComparison.Ordinal);
        Assert.Contains("id=\"newest\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_TriggerNow_AuditedWithTheUserAndTheJob()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("county1");
        var page = await client.PageAsync("/hangfire/recurring");
        var header = CsrfMeta().Match(page) is { Success: true } h ? h.Groups[1].Value : throw new InvalidOperationException("no csrf-header on the dashboard");
        var token = CsrfToken().Match(page).Groups[1].Value;
        client.AddHeader(header, WebUtility.HtmlDecode(token));

        using var trigger = await client.PostFormAsync("/hangfire/recurring/trigger", null, ("jobs[]", JobNames.MonthlyRun));

        Assert.True(trigger.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, trigger.StatusCode.ToString());
        Assert.Equal("(county1,county,trigger-job,立即执行定时任务：monthly-run,1)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, role, action, subject, rows FROM reliefmatch.audit_log WHERE action = 'trigger-job'"));
    }

    [GeneratedRegex("<a id=\"older\" href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
