using System.Diagnostics;
using OpenQA.Selenium;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The month walked in a real browser against the workplace with its jobs: the county uploads July's roster with the
/// month picked, sees the month page's checklist, runs July from the page and sees it finish, publishes the 统计表; a
/// later run of July (after July's death cancellations arrive) leaves the published sheet as it was and shows the new
/// numbers beside it. With <c>RELIEFMATCH_SCREENSHOTS</c> set, the month page is photographed for the README.
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
    public async Task Month_UploadRunPublishRunAgain_PublishedSheetUnchangedAndTheDifferencesShown()
    {
        var roster = File("花名册_202307.csv", ExtractFiles.Roster(
            ("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"),
            ("李二", TestRecords.IdNumber(2), Suqiao, "H2", "农村低保")));
        var deaths = File("死亡注销_202307.csv", ExtractFiles.PoliceDeaths(("张一", TestRecords.IdNumber(1), "2023-06-01")));
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        SignIn(browser, "county1");

        // The upload form proposes last month (the server's clock says 10 August 2023): July's roster goes in as July's.
        Upload(browser, roster);
        browser.FindElement(By.LinkText("月份")).Click();
        browser.FindElement(By.LinkText("2023年7月")).Click();
        Assert.Contains("roster/花名册_202307.csv", browser.FindElement(By.CssSelector("#source-table tr[data-source='roster']")).Text, StringComparison.Ordinal);
        Assert.Contains("本月没有", browser.FindElement(By.CssSelector("#source-table tr[data-source='police-deaths']")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("#skipped li")));

        RunThisMonth(browser);
        Assert.Contains("已完成", browser.FindElement(By.Id("run-state")).Text, StringComparison.Ordinal);
        browser.FindElement(By.Id("publish")).Click();
        // (Found once the answer has loaded: the page before it has no version.)
        Assert.Contains("第 1 版", browser.FindElement(By.CssSelector("#publish-state li[data-version='1']")).Text, StringComparison.Ordinal);
        Assert.Contains("相同", browser.FindElement(By.Id("compare-summary")).Text, StringComparison.Ordinal);
        var published = await PublishedAsync();

        // July's death cancellations arrive late; July is run again.
        Upload(browser, deaths);
        browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
        RunThisMonth(browser);

        Assert.Equal(published, await PublishedAsync());
        Assert.Contains("处与第 1 版上报的不同", browser.FindElement(By.Id("compare-summary")).Text, StringComparison.Ordinal);
        var county = browser.FindElement(By.CssSelector("#compare tr[data-cell='data_warning.total'] td.diff[data-unit='全县']"));
        Assert.Equal("0 → 1", county.Text);
        Screenshot(browser, "month-page.png");

        // The 统计表 page and its download still say what was published.
        browser.Navigate().GoToUrl(Url("/county/statistics?period=2023-07"));
        Assert.Contains("第 1 版", browser.FindElement(By.Id("sheet-state")).Text, StringComparison.Ordinal);
        Assert.Equal("0", browser.FindElement(By.CssSelector("#statistics tfoot td.n")).Text);
        Assert.Equal(2, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'queue-run'"));
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'publish-statistics'"));
    }

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
    /// then opens the month page afresh (no refresh pending).
    /// </summary>
    private void RunThisMonth(IWebDriver browser)
    {
        browser.FindElement(By.Id("run-month")).Click();
        var clock = Stopwatch.StartNew();
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

    private static string StateOf(IWebDriver browser)
    {
        try
        {
            return browser.FindElement(By.Id("run-state")).GetAttribute("data-state") ?? "";
        }
        catch (Exception e) when (e is StaleElementReferenceException or NoSuchElementException)
        {
            return ""; // caught between two refreshes
        }
    }

    /// <summary>The whole page as a PNG into docs/screenshots/, only when RELIEFMATCH_SCREENSHOTS is set.</summary>
    private static void Screenshot(IWebDriver browser, string name)
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

    private void SignIn(IWebDriver browser, string name)
    {
        browser.Navigate().GoToUrl(Url("/"));
        browser.FindElement(By.Id("name")).SendKeys(name);
        browser.FindElement(By.Id("password")).SendKeys(Password);
        browser.FindElement(By.Id("sign-in")).Click();
        browser.FindElement(By.CssSelector("form[action='/logout']"));
    }
}
