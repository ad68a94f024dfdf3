using System.Diagnostics;
using OpenQA.Selenium;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The month walked in a real browser against the workplace with its jobs: the county uploads July's roster and police
/// cancellations with the month picked, sees the month page's checklist, runs July from the page and sees it finish; a
/// township clerk marks 属实 and 不属实 (with its reason) on the township page and enters the township's 统计表 cells; the
/// county publishes the 统计表; a later run of July (after more of July's cancellations arrive) leaves the published sheet
/// as it was, shows the new numbers beside it, and the township's entries are read-only. With
/// <c>RELIEFMATCH_SCREENSHOTS</c> set, the month page is photographed for the README.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;
    private readonly string _files = TempFolder.Create("reliefmatch-month-files");

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartWithJobsAsync(postgres);
        await _server.AddUserAsync("county1", null);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_files);
    }

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Month_UploadRunMarkEnterPublishRunAgain_PublishedSheetUnchangedDifferencesShownEntriesReadOnly()
    {
        var roster = File("花名册_202307.csv", ExtractFiles.Roster(
            ("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"),
            ("李二", TestRecords.IdNumber(2), Suqiao, "H2", "农村低保"),
            ("王三", TestRecords.IdNumber(3), Luojin, "H3", "农村低保")));
        var deaths = File("死亡注销_202307.csv", ExtractFiles.PoliceDeaths(
            ("张一", TestRecords.IdNumber(1), "2023-06-01"),
            ("王三", TestRecords.IdNumber(3), "2023-06-02")));
        var lateDeaths = File("死亡注销补报_202307.csv", ExtractFiles.PoliceDeaths(("李二", TestRecords.IdNumber(2), "2023-06-03")));
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");

        // The upload form proposes last month (the server's clock says 10 August 2023): July's roster goes in as July's.
        Upload(browser, roster);
        browser.FindElement(By.LinkText("月份")).Click();
        browser.FindElement(By.LinkText("2023年7月")).Click();
        Assert.Contains("roster/花名册_202307.csv", browser.FindElement(By.CssSelector("#source-table tr[data-source='roster']")).Text, StringComparison.Ordinal);
        Assert.Contains("本月没有", browser.FindElement(By.CssSelector("#source-table tr[data-source='police-deaths']")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("#skipped li")));
        Upload(browser, deaths);
        browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
        Assert.Contains("police-deaths/死亡注销_202307.csv", browser.FindElement(By.CssSelector("#source-table tr[data-source='police-deaths']")).Text, StringComparison.Ordinal);

        RunThisMonth(browser);
        Assert.Contains("已完成", browser.FindElement(By.Id("run-state")).Text, StringComparison.Ordinal);

        // A township clerk, added for 罗锦镇, answers the two findings on the page and enters the township's cells.
        await _server.AddUserAsync("luojin1", Luojin);
        using (var clerkChromium = new HeadlessChromium())
        {
            var clerk = clerkChromium.Chrome;
            clerkChromium.SignIn(_server.Address, "luojin1");
            clerk.Navigate().GoToUrl(Url(TownshipPage));
            var references = clerk.FindElements(By.CssSelector("#outcomes tr[data-reference]"))
                .ToDictionary(r => r.FindElements(By.TagName("td"))[1].Text, r => r.GetDomAttribute("data-reference") ?? "", StringComparer.Ordinal);
            Assert.Equal(["张一", "王三"], references.Keys.Order(StringComparer.Ordinal));
            OutcomeBrowserTests.Record(clerk, references["张一"], "属实", "已停保", "王五", "08052023", "张一");
            Assert.Contains("属实", clerk.FindElement(By.Id("outcome-saved")).Text, StringComparison.Ordinal);
            OutcomeBrowserTests.Record(clerk, references["王三"], "不属实", "本人健在，公安误报", "赵六", "08062023", "王三");
            Assert.Contains("不属实", clerk.FindElement(By.Id("outcome-saved")).Text, StringComparison.Ordinal);
            clerk.Navigate().GoToUrl(Url(TownshipPage));
            StatisticsEntryBrowserTests.EnterCells(clerk, "07122023", ("persons_educated", "3"), ("warning_sessions", "1"), ("conduct_problems", "0"));
        }
        Assert.Equal(
            "(张一,confirmed,王五,2023-08-05)\n(王三,dismissed,赵六,2023-08-06)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource,
                "SELECT name, status, checked_by, checked_on FROM reliefmatch.findings WHERE township = '罗锦镇' ORDER BY checked_on"));

        browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
        browser.FindElement(By.Id("publish")).Click();
        // (Found once the answer has loaded: the page before it has no version.)
        Assert.Contains("第 1 版", browser.FindElement(By.CssSelector("#publish-state li[data-version='1']")).Text, StringComparison.Ordinal);
        Assert.Contains("相同", browser.FindElement(By.Id("compare-summary")).Text, StringComparison.Ordinal);
        var published = await PublishedAsync();

        // More of July's death cancellations arrive late; July is run again.
        Upload(browser, lateDeaths);
        browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
        RunThisMonth(browser);

        Assert.Equal(published, await PublishedAsync());
        Assert.Contains("处与第 1 版上报的不同", browser.FindElement(By.Id("compare-summary")).Text, StringComparison.Ordinal);
        var county = browser.FindElement(By.CssSelector("#compare tr[data-cell='data_warning.total'] td.diff[data-unit='全县']"));
        Assert.Equal("2 → 3", county.Text);
        Screenshot(browser, "month-page.png");

        // The 统计表 page and its download still say what was published, with the township's entries.
        browser.Navigate().GoToUrl(Url("/county/statistics?period=2023-07"));
        Assert.Contains("第 1 版", browser.FindElement(By.Id("sheet-state")).Text, StringComparison.Ordinal);
        Assert.Equal("2", browser.FindElement(By.CssSelector("#statistics tfoot td.n")).Text);
        var educated = browser.FindElement(By.CssSelector("tr[data-cell='duties.persons_educated']")).FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        Assert.Equal(["批评教育帮助（人）", "3", "", "3"], educated);
        Assert.Equal(2, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'queue-run'"));
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'publish-statistics'"));

        // The township's entered cells are read-only now that July is published.
        using (var clerkChromium = new HeadlessChromium())
        {
            var clerk = clerkChromium.Chrome;
            clerkChromium.SignIn(_server.Address, "luojin1");
            clerk.Navigate().GoToUrl(Url(TownshipPage));
            Assert.Contains("不能再修改", clerk.FindElement(By.Id("entries-published")).Text, StringComparison.Ordinal);
            Assert.Equal("3", clerk.FindElement(By.Id("entry-persons_educated")).GetDomProperty("value"));
            Assert.False(clerk.FindElement(By.Id("entry-persons_educated")).Enabled);
            Assert.False(clerk.FindElement(By.Id("entry-meeting_on")).Enabled);
            clerk.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
            Assert.Empty(clerk.FindElements(By.Id("save-entries")));
        }

        // A source beyond the six (the one-card payments) is recognised from its header row as well.
        var payments = File("一卡通发放明细_202307.csv", System.Text.Encoding.UTF8.GetBytes(
            $"收款人姓名,身份证号码,一卡通账号,资金所属期,实发金额,补贴项目\r\n李二,{TestRecords.IdNumber(2)},6230002,2023-07,500,农村低保\r\n"));
        Upload(browser, payments);
        Assert.Contains("payments/一卡通发放明细_202307.csv", browser.FindElement(By.CssSelector(".upload-outcome h2")).Text, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(_server.Inbox, "payments", "一卡通发放明细_202307.csv")));
    }

    private static string TownshipPage => $"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07";

    private Task<string> PublishedAsync() =>
        StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT period, version, sheet, published_by FROM reliefmatch.published_statistics");

    private void Upload(IWebDriver browser, string path)
    {
        browser.Navigate().GoToUrl(Url("/county/upload"));
        Assert.Equal("2023-07", browser.FindElement(By.Id("upload-period")).GetDomProperty("value"));
        browser.FindElement(By.Id("files")).SendKeys(path);
        browser.FindElement(By.Id("upload")).Click();
        Assert.Contains("接收", browser.FindElement(By.CssSelector(".upload-outcome")).Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Clicks the button and waits (the page refreshes itself while the job is queued or running) until the run has ended,
    /// then opens the month page afresh (no refresh pending). The click returns before the answer is in: the state is
    /// read only once the page clicked on is gone, or it would be the previous run's (or "none").
    /// </summary>
    private void RunThisMonth(IWebDriver browser)
    {
        var before = browser.FindElement(By.TagName("html"));
        browser.FindElement(By.Id("run-month")).Click();
        var clock = Stopwatch.StartNew();
        while (!IsGone(before))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The month page did not answer the run button within {clock.Elapsed}.");
            }
            Thread.Sleep(100);
        }
        string state;
        while ((state = StateOf(browser)) is "queued" or "running" or "")
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"The month's run is still {state} after {clock.Elapsed}.");
            }
            Thread.Sleep(250);
        }
        Assert.True(state == "succeeded", browser.FindElement(By.Id("run")).Text);
        browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
    }

    private static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (Exception e) when (IsFromAnOldDocument(e))
        {
            return true;
        }
    }

    /// <summary>
    /// Whether reading an element failed because the page it was found on has been replaced: a stale reference, or, while
    /// chromium is swapping the documents, its inspector's "does not belong to the document" (an unknown error to Selenium).
    /// </summary>
    private static bool IsFromAnOldDocument(Exception e) =>
        e is StaleElementReferenceException
        || e is UnknownErrorException && e.Message.Contains("does not belong to the document", StringComparison.Ordinal);

    private static string StateOf(IWebDriver browser)
    {
        try
        {
            return browser.FindElement(By.Id("run-state")).GetAttribute("data-state") ?? "";
        }
        catch (Exception e) when (e is NoSuchElementException || IsFromAnOldDocument(e))
        {
            return ""; // caught between two refreshes
        }
    }

    /// <summary>The whole page as a PNG into docs/screenshots/, only when RELIEFMATCH_SCREENSHOTS is set.</summary>
    internal static void Screenshot(IWebDriver browser, string name)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS")))
        {
            return;
        }
        var height = Convert.ToInt32(((IJavaScriptExecutor)browser).ExecuteScript("return document.documentElement.scrollHeight"), System.Globalization.CultureInfo.InvariantCulture);
        browser.Manage().Window.Size = new System.Drawing.Size(1400, Math.Max(1000, height + 40));
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
