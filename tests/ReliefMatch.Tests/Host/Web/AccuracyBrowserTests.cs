using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The county reads each rule's measured accuracy in a real browser: on /county/accuracy (per rule, per township, the
/// 不属实 reasons grouped, the control list's miss rate) and on the county home (precision and miss rate with their n),
/// from outcomes the townships recorded. A screenshot of the page is written to docs/screenshots when
/// RELIEFMATCH_SCREENSHOTS is set.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccuracyBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        // 罗锦镇: 李1, 李3 属实, 李5 不属实 (two wordings of one reason with 李7), 李9 open; 苏桥镇: 李2 不属实, 李4 open.
        Finding[] findings = [Deceased(1, Luojin), Deceased(3, Luojin), Deceased(5, Luojin), Deceased(7, Luojin), Deceased(9, Luojin), Deceased(2, Suqiao), Deceased(4, Suqiao)];
        await _server.SaveRunAsync(July, findings);
        var service = _server.App.Services.GetRequiredService<WorklistReturnService>();
        var today = new DateOnly(2023, 8, 10);
        async Task Record(string township, string reference, string result, string remarks)
        {
            var row = await service.RecordAsync(township, new ReturnedRow(0, reference, result, remarks, "王五", "2023-08-05"), "clerk", today, CancellationToken.None);
            Assert.NotEqual(ReturnOutcome.Refused, row.Outcome);
        }
        await Record(Luojin, findings[0].Reference, "属实", "已停保");
        await Record(Luojin, findings[1].Reference, "属实", "已停保");
        await Record(Luojin, findings[2].Reference, "不属实", "本人健在，公安误报");
        await Record(Luojin, findings[3].Reference, "不属实", "本人健在， 公安误报。");
        await Record(Suqiao, findings[5].Reference, "不属实", "同名同姓，非本人");
        // The control list: 罗锦镇 answers 4 (1 有问题), 苏桥镇 answers 1 (无问题).
        var draws = await ControlListPagesTests.DrawAsync(_server);
        var luojin = draws.Single(d => d.Township == Luojin).Items;
        await Record(Luojin, luojin[0].Reference, ControlResultText.ProblemText, "家中新购轿车，收入超标");
        foreach (var item in luojin.Skip(1).Take(3))
        {
            await Record(Luojin, item.Reference, ControlResultText.NoProblemText, "");
        }
        await Record(Suqiao, draws.Single(d => d.Township == Suqiao).Items[0].Reference, ControlResultText.NoProblemText, "");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public void County_ReadsPrecisionReasonsAndMissRate_OnTheAccuracyPageAndTheHome()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        browser.Navigate().GoToUrl(Url("/"));
        browser.FindElement(By.Id("name")).SendKeys("county1");
        browser.FindElement(By.Id("password")).SendKeys(Password);
        browser.FindElement(By.Id("sign-in")).Click();
        browser.FindElement(By.Id("progress"));

        // The county home: per rule precision with n, and the miss rate with n.
        var home = browser.FindElement(By.CssSelector("#home-accuracy tr[data-rule='deceased-recipient']")).FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        Assert.Equal(["死亡人员仍在享受救助", "7", "2", "3", "2", "40.0%", "5"], home);
        Assert.Contains("对照抽查漏报率：20.0%（n = 5，抽查 30 人，未核查 25 人）", browser.FindElement(By.Id("home-miss-rate")).Text, StringComparison.Ordinal);

        browser.FindElement(By.LinkText("规则准确率")).Click();
        browser.FindElement(By.Id("accuracy-rules"));
        Assert.Equal("/county/accuracy", new Uri(browser.Url).AbsolutePath);
        var deceased = browser.FindElement(By.CssSelector("div[data-rule='deceased-recipient']"));
        Assert.Equal(["罗锦镇", "5", "2", "2", "1", "50.0%", "4"],
            deceased.FindElement(By.CssSelector("tr[data-township='罗锦镇']")).FindElements(By.TagName("td")).Select(c => c.Text));
        Assert.Equal(["苏桥镇", "2", "0", "1", "1", "0.0%", "1"],
            deceased.FindElement(By.CssSelector("tr[data-township='苏桥镇']")).FindElements(By.TagName("td")).Select(c => c.Text));
        var reasons = deceased.FindElements(By.CssSelector("table[id^='reasons-'] tbody tr")).Select(r => r.Text).ToList();
        Assert.Equal(["本人健在,公安误报 2", "同名同姓,非本人 1"], reasons);
        Assert.Equal(["罗锦镇", "20", "1", "3", "16", "25.0%", "4"],
            browser.FindElement(By.CssSelector("#controls tr[data-township='罗锦镇']")).FindElements(By.TagName("td")).Select(c => c.Text));
        Assert.Contains("40.0%", browser.FindElement(By.CssSelector("#accuracy-history tr[data-rule='deceased-recipient']")).Text, StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS") is { Length: > 0 })
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
            browser.Manage().Window.Size = new System.Drawing.Size(1280, 1900);
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, "accuracy.png"));
        }
    }
}
