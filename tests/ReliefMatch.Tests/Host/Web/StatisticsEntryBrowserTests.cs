using System.Net;
using OpenQA.Selenium;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The 统计表 cells a township enters: a clerk fills them on the township's month page in a real browser, the save is
/// audited, the county's statistics page shows them and their sum, and the run's 统计表 of that month carries them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StatisticsEntryBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.AddUserAsync("suqiao1", Suqiao);
        await _server.SaveRunAsync(July, Deceased(1, Luojin), Deceased(2, Suqiao));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public async Task TownshipClerk_EntersTheCells_SavedAuditedOnTheCountyPageAndInTheRunsSheet()
    {
        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "luojin1");
            EnterCells(browser, "07122023", ("persons_educated", "3"), ("warning_sessions", "1"), ("conduct_problems", "0"));

            Assert.Equal("3", browser.FindElement(By.Id("entry-persons_educated")).GetDomProperty("value"));
            Assert.Equal("0", browser.FindElement(By.Id("entry-conduct_problems")).GetDomProperty("value"));
            Assert.Equal("", browser.FindElement(By.Id("entry-cases_published")).GetDomProperty("value"));
            Assert.Equal("2023-07-12", browser.FindElement(By.Id("entry-meeting_on")).GetDomProperty("value"));
        }

        using (var suqiao = _server.Client())
        {
            await suqiao.SignInOkAsync("suqiao1");
            var page = $"/townships/{Uri.EscapeDataString(Suqiao)}?period=2023-07";
            using var saved = await suqiao.PostFormAsync($"/townships/{Uri.EscapeDataString(Suqiao)}/entries/2023-07", page, ("persons_educated", "2"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "county1");
            browser.Navigate().GoToUrl(Url("/county/statistics?period=2023-07"));
            var educated = browser.FindElement(By.CssSelector("tr[data-cell='duties.persons_educated']")).FindElements(By.TagName("td")).Select(c => c.Text).ToList();
            // 项目, then the townships in ordinal order (罗锦镇, 苏桥镇), then 全县: the county is the townships' sum.
            Assert.Equal(["批评教育帮助（人）", "3", "2", "5"], educated);
            var meeting = browser.FindElement(By.CssSelector("tr[data-cell='duties.meeting_on']")).FindElements(By.TagName("td")).Select(c => c.Text).ToList();
            Assert.Equal(["召开会议进行部署情况", "7月12日", "", ""], meeting);
            Assert.Contains("近亲属备案记录", browser.FindElement(By.CssSelector("#statistics-missing li[data-cell='duties.kin_filed']")).Text, StringComparison.Ordinal);
        }

        Assert.Equal(
            "(luojin1,enter-statistics,\"罗锦镇 2023-07 统计表填报：会议 2023-07-12，conduct_problems=0，persons_educated=3，warning_sessions=1\")\n" +
            "(suqiao1,enter-statistics,\"苏桥镇 2023-07 统计表填报：persons_educated=2\")",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject FROM reliefmatch.audit_log WHERE action = 'enter-statistics' ORDER BY id"));

        // A later run of July counts the sheet with what was entered.
        var (statistics, _) = await MonthSheet.CountAsync(_server.Database.DataSource, RuleSet.From([]), "450326", July, [], [Luojin, Suqiao], CancellationToken.None);
        Assert.Equal(5, statistics.County.Duty("persons_educated"));
        Assert.Equal(0, statistics.For(Luojin)!.Duty("conduct_problems"));
        Assert.Null(statistics.For(Suqiao)!.Duty("conduct_problems"));
        Assert.Equal(new DateOnly(2023, 7, 12), statistics.For(Luojin)!.MeetingOn);
    }

    /// <summary>
    /// Fills the township page's 统计表 cells — the meeting date typed as the date picker takes it in zh-CN/en-US (month,
    /// day, year), and the counts by key — saves, and waits for 已保存.
    /// </summary>
    internal static void EnterCells(IWebDriver browser, string meetingTyped, params (string Key, string Value)[] counts)
    {
        browser.FindElement(By.Id("entries"));
        browser.FindElement(By.Id("entry-meeting_on")).SendKeys(meetingTyped);
        foreach (var (key, value) in counts)
        {
            browser.FindElement(By.Id("entry-" + key)).SendKeys(value);
        }
        browser.FindElement(By.Id("save-entries")).Click();
        Assert.Equal("已保存。", browser.FindElement(By.Id("entries-saved")).Text);
    }

    [Fact]
    public async Task Save_BadValues_FormBackWithChineseMessagesAndNothingSaved()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        var page = $"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07";
        using var response = await client.PostFormAsync($"/townships/{Uri.EscapeDataString(Luojin)}/entries/2023-07", page,
            ("persons_educated", "三"), ("warning_sessions", "-1"), ("cases_published", "100001"), ("leads_transferred", "100000"), ("meeting_on", "2023-02-30"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“批评教育帮助（人）”须填 0 到 100000 的整数：三", html, StringComparison.Ordinal);
        Assert.Contains("“开展警示教育（次）”须填 0 到 100000 的整数：-1", html, StringComparison.Ordinal);
        Assert.Contains("“通报典型违纪违法案例（件）”须填 0 到 100000 的整数：100001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("配合纪检部门移交问题线索（件）”须填", html, StringComparison.Ordinal); // 100000 is the largest taken
        Assert.Contains("“召开会议日期”不是有效日期（应如 2023-07-12）：2023-02-30", html, StringComparison.Ordinal);
        Assert.Contains("value=\"三\"", html, StringComparison.Ordinal); // what was typed comes back
        Assert.Equal("(0)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT count(*) FROM reliefmatch.township_entries"));
    }

    [Fact]
    public async Task Save_OtherTownship_Refused()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        using var response = await client.PostFormAsync($"/townships/{Uri.EscapeDataString(Suqiao)}/entries/2023-07",
            $"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07", ("persons_educated", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("(0)", await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT count(*) FROM reliefmatch.township_entries"));
    }
}
