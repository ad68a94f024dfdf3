using OpenQA.Selenium;
using ReliefMatch.Core.Identity;
using ReliefMatch.Tests.Host.Runs;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// 规则试算 in a real browser: July run with deceased-recipient reading police deaths only; the county officer opens the
/// replay page from the month page, edits the rule to read health deaths only, replays it (one finding added in 罗锦镇,
/// one removed in 永福镇, IDs masked, the 统计表 cells that move), then publishes it as version 2. With
/// <c>RELIEFMATCH_SCREENSHOTS</c> set, the replay page is photographed for the README.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplayBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _rules = TempFolder.Create("replay-browser-rules");
    private readonly string _inbox = TempFolder.Create("replay-browser-inbox");
    private readonly string _output = TempFolder.Create("replay-browser-out");
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        RuleReplayTests.CopyRules(_rules);
        _server = await WorkplaceServer.StartAsync(postgres, rulesFolder: _rules);
        await _server.AddUserAsync("county1", null);
        await RuleReplayTests.RunJulyAsync(_server.Database, _inbox, _output, _rules, _server.Time);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_rules);
        TempFolder.Delete(_inbox);
        TempFolder.Delete(_output);
    }

    [Fact]
    public async Task Replay_EditedRule_AddedAndRemovedByTownshipMaskedThenPublishedAsVersion2()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");
        browser.Navigate().GoToUrl(new Uri(_server.Address, "county/months/2023-07").AbsoluteUri);
        browser.FindElement(By.Id("replay-link")).Click();
        browser.FindElement(By.CssSelector("#replay-rules a[data-rule='deceased-recipient']")).Click();
        var text = browser.FindElement(By.Id("rule-text"));
        Assert.Contains("death_sources: [police-deaths]", text.GetDomProperty("value"), StringComparison.Ordinal);
        ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].value = arguments[1]", text, RuleReplayTests.HealthOnly);
        browser.FindElement(By.Id("replay")).Click();

        var added = browser.FindElement(By.CssSelector("#replay-added tr[data-township='罗锦镇']")).Text;
        Assert.Contains("张三", added, StringComparison.Ordinal);
        Assert.Contains(ResidentId.Mask(TestRecords.IdNumber(3)), added, StringComparison.Ordinal);
        Assert.Contains("张一", browser.FindElement(By.CssSelector("#replay-removed tr[data-township='永福镇']")).Text, StringComparison.Ordinal);
        Assert.Equal("1 0", browser.FindElement(By.CssSelector("#replay-cells tr[data-unit='永福镇'][data-cell='data_warning.total']")).Text[^3..]);
        Assert.Contains("新增预警 1 条，减少 1 条", browser.FindElement(By.Id("replay-summary")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRecords.IdNumber(3), browser.PageSource, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRecords.IdNumber(1), browser.PageSource, StringComparison.Ordinal);
        MonthBrowserTests.Screenshot(browser, "rule-replay.png");
        Assert.Equal(RuleReplayTests.PoliceOnly, File.ReadAllText(Path.Combine(_rules, "deceased-recipient.yaml")));

        browser.FindElement(By.Id("publish-rule")).Click();

        Assert.Contains("已发布为第 2 版（原第 1 版）", browser.FindElement(By.Id("publish-rule-message")).Text, StringComparison.Ordinal);
        Assert.Contains("version: 2", File.ReadAllText(Path.Combine(_rules, "deceased-recipient.yaml")), StringComparison.Ordinal);
        Assert.Contains("death_sources: [health-deaths]", File.ReadAllText(Path.Combine(_rules, "deceased-recipient.yaml")), StringComparison.Ordinal);
        Assert.Equal(
            "(county1,publish-rule,\"规则 deceased-recipient（死亡人员仍在享受救助）发布第 2 版（原第 1 版）\")\n" +
            "(county1,replay-rule,\"2023年7月试算规则 死亡人员仍在享受救助（deceased-recipient）：在用第 1 版，试算第 1 版；新增预警 1 条，减少 1 条，统计表 6 处数字变动。\")",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, action, subject FROM reliefmatch.audit_log WHERE action LIKE '%-rule'"));
    }
}
