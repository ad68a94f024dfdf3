using OpenQA.Selenium;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// A township clerk records outcomes on the page in a real browser (属实, and 不属实 with its reason, with 核查人 and the
/// date picker's 核查日期), downloads the worklist again, and the file carries what was recorded. A screenshot of the
/// page is written to docs/screenshots when RELIEFMATCH_SCREENSHOTS is set.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutcomeBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly Finding _a = Deceased(1, Luojin);
    private readonly Finding _b = Deceased(3, Luojin);
    private readonly Finding _c = Deceased(5, Luojin);
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, _a, _b, _c);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public void Clerk_MarksOutcomesOnThePage_RedownloadedWorklistCarriesThem()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        browser.Navigate().GoToUrl(Url("/"));
        browser.FindElement(By.Id("name")).SendKeys("luojin1");
        browser.FindElement(By.Id("password")).SendKeys(Password);
        browser.FindElement(By.Id("sign-in")).Click();
        browser.FindElement(By.Id("outcomes"));

        Record(browser, _a.Reference, "属实", "已停保", "王五", "08052023", "李1"); // the date picker's typing order: month, day, year
        Assert.Contains("已记录：属实", browser.FindElement(By.Id("outcome-saved")).Text, StringComparison.Ordinal);
        Record(browser, _b.Reference, "不属实", "本人健在，公安误报", "赵六", "08062023", "李3");
        Assert.Contains("已记录：不属实", browser.FindElement(By.Id("outcome-saved")).Text, StringComparison.Ordinal);
        Assert.Equal(("1", "1", "1"), (Text(browser, "count-open"), Text(browser, "count-confirmed"), Text(browser, "count-dismissed")));
        // The rows show what was recorded, ready to be changed.
        Assert.Equal("属实", browser.FindElement(By.Id("result-" + _a.Reference)).GetDomProperty("value"));
        Assert.Equal("2023-08-05", browser.FindElement(By.Id("checked-on-" + _a.Reference)).GetDomProperty("value"));

        if (Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS") is { Length: > 0 })
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, "township-page.png"));
        }

        browser.FindElement(By.Id("download-xlsx")).Click();
        var downloaded = chromium.WaitForDownload("核查清单.xlsx", TimeSpan.FromSeconds(30));
        var rows = ReturnedWorklistReader.Read(File.ReadAllBytes(downloaded), downloaded).Rows.ToDictionary(r => r.Reference);

        Assert.Equal(("属实", "已停保", "王五", "2023-08-05"), (rows[_a.Reference].Result, rows[_a.Reference].Remarks, rows[_a.Reference].CheckedBy, rows[_a.Reference].CheckedOn));
        Assert.Equal(("不属实", "本人健在，公安误报", "赵六", "2023-08-06"), (rows[_b.Reference].Result, rows[_b.Reference].Remarks, rows[_b.Reference].CheckedBy, rows[_b.Reference].CheckedOn));
        Assert.Equal(("", ""), (rows[_c.Reference].Result, rows[_c.Reference].CheckedBy));
    }

    /// <summary>
    /// Records one row's outcome on the township page (the date as the date picker takes it typed: month, day, year) and
    /// waits for the notice naming <paramref name="name"/>.
    /// </summary>
    internal static void Record(IWebDriver browser, string reference, string result, string remarks, string by, string date, string name)
    {
        browser.FindElement(By.CssSelector($"#result-{reference} option[value='{result}']")).Click();
        var remarksBox = browser.FindElement(By.Id("remarks-" + reference));
        remarksBox.Clear();
        remarksBox.SendKeys(remarks);
        browser.FindElement(By.Id("checked-by-" + reference)).SendKeys(by);
        browser.FindElement(By.Id("checked-on-" + reference)).SendKeys(date);
        browser.FindElement(By.Id("save-" + reference)).Click();
        // The click returns before the answer is in, and the page before may have a notice of its own: wait for this one.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                if (browser.FindElement(By.Id("outcome-saved")).Text.Contains(name, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (StaleElementReferenceException)
            {
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No notice of {name} saved; the page says: {browser.FindElement(By.TagName("main")).Text}");
            }
            Thread.Sleep(100);
        }
    }

    private static string Text(IWebDriver browser, string id) => browser.FindElement(By.Id(id)).Text;
}
