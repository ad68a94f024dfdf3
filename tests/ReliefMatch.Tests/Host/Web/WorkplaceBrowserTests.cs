using OpenQA.Selenium;
using ReliefMatch.Core.Findings;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// A township officer in a real browser: signs in, downloads the month's worklist, fills it in, uploads it back
/// and sees the counts change; another township's worklist address and the jobs dashboard are refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkplaceBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly Finding _a = Deceased(1, Luojin);
    private readonly Finding _b = Deceased(3, Luojin);
    private readonly Finding _other = Deceased(2, Suqiao);
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, _a, _b, _other);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public void TownshipOfficer_DownloadsFillsAndReturnsTheWorklist_CountsChangeAndOtherTownshipRefused()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;

        browser.Navigate().GoToUrl(Url("/"));
        Assert.Equal("登录 - 社会救助数据比对预警", browser.Title);
        browser.FindElement(By.Id("name")).SendKeys("luojin1");
        browser.FindElement(By.Id("password")).SendKeys(Password);
        browser.FindElement(By.Id("sign-in")).Click();

        // The click returns before the next page is in: wait (implicitly) for an element only the township page has.
        browser.FindElement(By.Id("count-open"));
        Assert.StartsWith("罗锦镇 · 2023年7月", browser.Title, StringComparison.Ordinal);
        Assert.Equal(("2", "0", "0"), (Text(browser, "count-open"), Text(browser, "count-confirmed"), Text(browser, "count-dismissed")));
        Assert.DoesNotContain(_a.IdNumber, browser.PageSource, StringComparison.Ordinal);

        browser.FindElement(By.Id("download-xlsx")).Click();
        var downloaded = chromium.WaitForDownload("核查清单.xlsx", TimeSpan.FromSeconds(30));
        var filled = Path.Combine(chromium.Downloads, "罗锦镇-已填写.xlsx");
        File.WriteAllBytes(filled, ReturnFiles.FillXlsx(File.ReadAllBytes(downloaded),
            (_a.Reference, "属实", "已停保", "王五", new DateOnly(2023, 8, 5)),
            (_b.Reference, "不属实", "本人健在，公安误报", "王五", new DateOnly(2023, 8, 6))));

        browser.FindElement(By.Id("return-file")).SendKeys(filled);
        browser.FindElement(By.Id("upload-return")).Click();
        Assert.Equal(("1", "1", "0"), (Text(browser, "return-confirmed"), Text(browser, "return-dismissed"), Text(browser, "return-refused")));

        browser.FindElement(By.Id("back")).Click();
        Assert.Equal(("0", "1", "1"), (Text(browser, "count-open"), Text(browser, "count-confirmed"), Text(browser, "count-dismissed")));

        browser.Navigate().GoToUrl(Url($"/townships/{Uri.EscapeDataString(Suqiao)}/worklist/2023-07.xlsx"));
        Assert.Equal("无权访问 - 社会救助数据比对预警", browser.Title);
        Assert.DoesNotContain("李2", browser.PageSource, StringComparison.Ordinal);
        browser.Navigate().GoToUrl(Url($"/townships/{Uri.EscapeDataString(Suqiao)}"));
        Assert.Equal("无权访问 - 社会救助数据比对预警", browser.Title);
        browser.Navigate().GoToUrl(Url("/hangfire"));
        Assert.Equal("无权访问 - 社会救助数据比对预警", browser.Title);
        Assert.DoesNotContain(Directory.GetFiles(chromium.Downloads), f => f.Contains(Suqiao, StringComparison.Ordinal));
    }

    private static string Text(IWebDriver browser, string id) => browser.FindElement(By.Id(id)).Text;
}
