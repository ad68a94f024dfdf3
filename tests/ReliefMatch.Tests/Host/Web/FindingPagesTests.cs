using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OpenQA.Selenium;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// A finding's page (what <c>explain</c> shows) and the finding search, in a real browser, over findings a real run
/// raised from uploaded extracts: walled by township, masked for townships, full IDs for the county on request, audited.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FindingPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;
    private string _reference = "";

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.AddUserAsync("suqiao1", Suqiao);
        using (var county = _server.Client())
        {
            await county.SignInOkAsync("county1");
            using var upload = await county.PostFilesAsync("/county/upload", "/county/upload", "files",
                [("花名册.csv", ExtractFiles.Roster(("张一", TestRecords.IdNumber(1), Luojin, "H1", "农村低保"), ("张二", TestRecords.IdNumber(2), Suqiao, "H2", "农村低保"))),
                 ("死亡注销.csv", ExtractFiles.PoliceDeaths(("张一", TestRecords.IdNumber(1), "2023-06-01")))],
                ("source", ""), ("period", "2023-07"));
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }
        var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
        var run = await new MonthlyRun(_server.Database.DataSource, rules, Installation.OfSample, _server.Time, NullLogger.Instance).ExecuteAsync(new MonthlyRunRequest(July, null, null));
        _reference = run.Findings.Single(f => f.Finding.RuleId == "deceased-recipient").Finding.Reference;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    private static string Text(IWebDriver browser, string id) => browser.FindElement(By.Id(id)).Text;

    [Fact]
    public async Task FindingPage_Township_ExplainsTheFindingMaskedAndOnlyItsOwn()
    {
        var id = TestRecords.IdNumber(1);
        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "luojin1");
            browser.Navigate().GoToUrl(Url($"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07"));
            browser.FindElement(By.LinkText(_reference)).Click();

            Assert.Equal(_reference, Text(browser, "finding-reference"));
            Assert.StartsWith("死亡人员仍在享受救助", Text(browser, "finding-rule"), StringComparison.Ordinal);
            Assert.Contains("规则 deceased-recipient，第 ", Text(browser, "finding-rule"), StringComparison.Ordinal);
            Assert.Equal(ResidentId.Mask(id), Text(browser, "finding-id"));
            Assert.Equal("身份证号与姓名一致", Text(browser, "finding-confidence"));
            Assert.Contains("办理时限：首次预警当月月底后", Text(browser, "rule-parameters"), StringComparison.Ordinal);
            var evidence = browser.FindElements(By.CssSelector("#evidence tbody tr td")).Select(c => c.Text).ToList();
            Assert.Equal("公安户籍注销", evidence[0]);
            Assert.Equal("police-deaths/死亡注销.csv", evidence[2]);
            Assert.Equal("2", evidence[3]);
            Assert.Equal("2023-07", evidence[4]);
            Assert.Matches("^[0-9a-f]{64}$", evidence[5]);
            Assert.DoesNotContain(id, browser.PageSource, StringComparison.Ordinal);
            browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
            Assert.Empty(browser.FindElements(By.Id("reveal")));
        }

        using var township = _server.Client();
        await township.SignInOkAsync("luojin1");
        using (var full = await township.GetAsync($"/findings/{_reference}?full=1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, full.StatusCode);
        }
        using var other = _server.Client();
        await other.SignInOkAsync("suqiao1");
        using (var walled = await other.GetAsync($"/findings/{_reference}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, walled.StatusCode); // another township's finding is not there for 苏桥镇
        }
        using (var byId = await township.GetAsync($"/findings/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode); // a 预警编号 only: no ID number in an address
        }
    }

    [Fact]
    public async Task FindingPage_County_FullIdsOnRequestAudited()
    {
        var id = TestRecords.IdNumber(1);
        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "county1");
            browser.Navigate().GoToUrl(Url($"/findings/{_reference}"));
            Assert.Equal(ResidentId.Mask(id), Text(browser, "finding-id"));
            browser.FindElement(By.Id("reveal")).Click();
            Assert.Equal(id, Text(browser, "finding-id"));
        }

        Assert.Equal($"(county1,reveal-ids,\"预警 {_reference} 详情（{Luojin} 张一）\",1,t)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'reveal-ids'"));
    }

    /// <summary>Sixty findings of June (persons 100–159, names 李100…李159), the even ones in 罗锦镇 and the odd in 苏桥镇.</summary>
    private Task SaveJuneAsync() =>
        _server.SaveRunAsync(new(2023, 6), [.. Enumerable.Range(100, 60).Select(p => Deceased(p, p % 2 == 0 ? Luojin : Suqiao))]);

    /// <summary>Clicks the element and waits for the page it leads to (its address has <paramref name="urlPart"/>).</summary>
    private static void ClickAndWait(IWebDriver browser, string id, string urlPart)
    {
        browser.FindElement(By.Id(id)).Click();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!browser.Url.Contains(urlPart, StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            Thread.Sleep(50);
        }
        browser.FindElement(By.Id("found"));
    }

    private static IReadOnlyList<string> Column(IWebDriver browser, int column) =>
        browser.FindElements(By.CssSelector($"#findings tbody tr td:nth-child({column})")).Select(c => c.Text).ToList();

    [Fact]
    public async Task Search_County_MonthTownshipSortAndFiftyToAPage()
    {
        await SaveJuneAsync();
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");
        browser.Navigate().GoToUrl(Url("/findings"));
        browser.FindElement(By.CssSelector("#period option[value='2023-06']")).Click();
        browser.FindElement(By.CssSelector("#sort option[value='name']")).Click();
        ClickAndWait(browser, "search", "period=2023-06");

        Assert.Equal("60", Text(browser, "found"));
        var names = Column(browser, 3);
        Assert.Equal(50, names.Count);
        Assert.Equal(["李100", "李101", "李102"], names.Take(3));
        ClickAndWait(browser, "next", "page=2");
        Assert.Equal([.. Enumerable.Range(150, 10).Select(p => $"李{p}")], Column(browser, 3));
        Assert.Contains("第 2 / 2 页", browser.FindElement(By.CssSelector("main")).Text, StringComparison.Ordinal);
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        Assert.Empty(browser.FindElements(By.Id("next")));
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(15);

        browser.FindElement(By.CssSelector($"#township option[value='{Suqiao}']")).Click();
        browser.FindElement(By.CssSelector("#sort option[value='township']")).Click();
        ClickAndWait(browser, "search", "township=");
        Assert.Equal("30", Text(browser, "found"));
        Assert.All(Column(browser, 1), t => Assert.Equal(Suqiao, t));
        // The filter stays chosen.
        Assert.Equal("2023-06", browser.FindElement(By.Id("period")).GetDomProperty("value"));
        Assert.Equal(Suqiao, browser.FindElement(By.Id("township")).GetDomProperty("value"));
    }

    [Fact]
    public async Task Search_Township_OnlyItsOwnWhateverTheQuerySays()
    {
        await SaveJuneAsync();
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "luojin1");
        browser.FindElement(By.LinkText("预警查询")).Click();

        Assert.Equal("31", Text(browser, "found")); // 30 of June and 张一 of July
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        Assert.Empty(browser.FindElements(By.Id("township")));
        Assert.Empty(browser.FindElements(By.Id("reveal")));
        browser.Navigate().GoToUrl(Url($"/findings?township={Uri.EscapeDataString(Suqiao)}&period=2023-06"));
        Assert.Equal("30", Text(browser, "found"));
        Assert.DoesNotContain(Suqiao, browser.FindElement(By.Id("findings")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRecords.IdNumber(100), browser.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_TheSearchAsAWorkbook_MaskedForTownshipsFullForTheCountyOnRequest_Audited()
    {
        await SaveJuneAsync();
        using var township = _server.Client();
        await township.SignInOkAsync("luojin1");
        using var masked = await township.GetAsync("/findings/export.xlsx?period=2023-06&sort=name");
        using var refused = await township.GetAsync("/findings/export.xlsx?period=2023-06&full=1");
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        using var full = await county.GetAsync($"/findings/export.xlsx?township={Uri.EscapeDataString(Luojin)}&period=2023-06&full=1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var cells = new XlsxCells(await masked.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("预警查询：乡镇 罗锦镇，月份 2023年6月，按姓名", cells.Text("预警查询", "A1"));
            Assert.Equal(["1", Luojin, "一村", "李100", ResidentId.Mask(TestRecords.IdNumber(100))], cells.Row("预警查询", 3, 5));
            Assert.Equal(["30", Luojin, "一村", "李158"], cells.Row("预警查询", 32, 4));
            Assert.Null(cells.Text("预警查询", "A33"));
        }
        using (var cells = new XlsxCells(await full.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(TestRecords.IdNumber(100), cells.Text("预警查询", "E3")); // one month, one township and village: by name
        }
        Assert.Equal(
            "(county1,export-findings,\"预警查询：乡镇 罗锦镇，月份 2023年6月，按月份（新到旧）\",30,t)\n(luojin1,export-findings,\"预警查询：乡镇 罗锦镇，月份 2023年6月，按姓名\",30,f)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject, rows, full_ids FROM reliefmatch.audit_log WHERE action = 'export-findings'"));
    }

    [Fact]
    public async Task Search_CountyFullIds_AuditedAsReadableWords()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");

        await county.PageAsync("/findings?q=" + Uri.EscapeDataString("张") + "&status=open&full=1");

        Assert.Equal("(reveal-ids,\"预警查询：关键词“张”，状态 待核查，按月份（新到旧），第 1 页\",1)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT action, subject, rows FROM reliefmatch.audit_log WHERE action = 'reveal-ids'"));
    }
}
