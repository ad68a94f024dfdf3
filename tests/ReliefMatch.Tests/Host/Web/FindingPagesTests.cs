using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OpenQA.Selenium;
using ReliefMatch.Core.Identity;
using ReliefMatch.Host.Runs;
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
        var run = await new MonthlyRun(_server.Database.DataSource, rules, Installation.Default, _server.Time, NullLogger.Instance).ExecuteAsync(new MonthlyRunRequest(July, null, null));
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
}
