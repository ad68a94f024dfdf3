using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Host.Accuracy;
using ReliefMatch.Tests.Host.Outputs;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Accuracy.RecoveryMonth;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// 应追回资金 in a real browser: the county's month page sums the confirmed findings of payments after a death per
/// township (a dismissed and an open one left out, a person confirmed under both rules counted once); a township clerk
/// sees their own township's sum on the township page, the note on the finding's row, and the money on the finding's
/// page. With <c>RELIEFMATCH_SCREENSHOTS</c> set, the month page's section is photographed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecoveryBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;
    private readonly IReadOnlyList<Finding> _findings = Findings();

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("suqiao1", Suqiao);
        await _server.SaveRunAsync(July, [.. _findings]);
        var service = _server.App.Services.GetRequiredService<WorklistReturnService>();
        async Task Record(string ruleId, string id, string result, string remarks)
        {
            var finding = Of(_findings, ruleId, id);
            var row = await service.RecordAsync(finding.Township, new ReturnedRow(0, finding.Reference, result, remarks, "王五", "2023-08-05"), "clerk",
                new DateOnly(2023, 8, 10), CancellationToken.None);
            Assert.NotEqual(ReturnOutcome.Refused, row.Outcome);
        }
        await Record("paid-after-death", Jia, "属实", "已停发，追回中");
        await Record("deceased-recipient", Jia, "属实", "已停保");
        await Record("deceased-recipient", Yi, "属实", "已停保");
        await Record("paid-after-death", Bing, "属实", "已停发");
        await Record("paid-after-death", Ding, "不属实", "死亡日期有误，本人7月仍在世");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    private static IReadOnlyList<string> Cells(IWebElement row) => row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();

    [Fact]
    public async Task Export_ConfirmedOverpaymentsInTheirColumn_OncePerPerson()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        using var export = await county.GetAsync("/findings/export.xlsx?period=2023-07&sort=name");

        using var cells = new XlsxCells(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal("应追回金额（元）", cells.Text("预警查询", "P2"));
        var rows = Enumerable.Range(3, _findings.Count).Select(r => cells.Row("预警查询", r, 16)).ToList();
        Assert.Equal([("张乙", "死亡人员仍在享受救助", "450.00"), ("张甲", "死亡后仍发放救助金", "600.00"), ("李丙", "死亡后仍发放救助金", "1,500.00")],
            rows.Where(r => !string.IsNullOrEmpty(r[15])).Select(r => (r[3], r[6], r[15])).OrderBy(r => r.Item3!.Length).ThenBy(r => r.Item3, StringComparer.Ordinal));
    }

    [Fact]
    public void MonthAndTownship_ConfirmedOverpaymentsSummed_EachTownshipItsOwn()
    {
        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "county1");
            browser.Navigate().GoToUrl(Url("/county/months/2023-07"));
            var section = browser.FindElement(By.Id("recovery"));
            Assert.Equal(["罗锦镇", "1", "3", "1,500.00"], Cells(section.FindElement(By.CssSelector("tr[data-township='罗锦镇']"))));
            Assert.Equal(["苏桥镇", "2", "3", "1,050.00"], Cells(section.FindElement(By.CssSelector("tr[data-township='苏桥镇']"))));
            Assert.Equal(["3", "6", "2,550.00"], Cells(section.FindElement(By.Id("recovery-total"))));
            var persons = section.FindElements(By.CssSelector("#recovery-persons tbody tr")).Select(r => Cells(r)).ToList();
            Assert.Equal(["李丙", "张乙", "张甲"], persons.Select(p => p[2]));
            Assert.Equal(["2023-05、2023-06、2023-07", "2023-07", "2023-06、2023-07"], persons.Select(p => p[5]));
            Assert.Equal(["1,500.00", "450.00", "600.00"], persons.Select(p => p[6]));
            // IDs masked 6+4 here as everywhere a township may read.
            Assert.All(persons, p => Assert.Matches("^[0-9]{6}\\*{8}[0-9X]{4}$", p[3]));

            if (Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS") is { Length: > 0 })
            {
                var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
                browser.Manage().Window.Size = new System.Drawing.Size(1280, 900);
                ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('recovery').scrollIntoView();");
                browser.GetScreenshot().SaveAsFile(Path.Combine(folder, "recovery.png"));
            }
        }

        using (var chromium = new HeadlessChromium())
        {
            var browser = chromium.Chrome;
            chromium.SignIn(_server.Address, "suqiao1");
            browser.Navigate().GoToUrl(Url("/townships/苏桥镇?period=2023-07"));
            Assert.Contains("合计 2 人，1,050.00 元", browser.FindElement(By.Id("recovery-total")).Text, StringComparison.Ordinal);
            Assert.DoesNotContain("李丙", browser.FindElement(By.Id("recovery")).Text, StringComparison.Ordinal);
            var yi = Of(_findings, "paid-after-death", Yi);
            Assert.Contains("死亡后多发 450.00 元（2023-07，共1个月），核查属实后应追回",
                browser.FindElement(By.CssSelector($"#findings tr[data-reference='{yi.Reference}']")).Text, StringComparison.Ordinal);

            browser.FindElement(By.CssSelector($"#recovery-persons a[href^='/findings/{Of(_findings, "deceased-recipient", Yi).Reference}']")).Click();
            var recovery = browser.FindElement(By.Id("finding-recovery"));
            Assert.Equal("应追回 450.00 元（2023-07，共1个月）", recovery.Text);
            Assert.Equal("450.00", recovery.GetAttribute("data-amount"));
            Assert.Contains("第 1 版：2023年7月的比对按此版产生", browser.FindElement(By.Id("finding-rule")).Text, StringComparison.Ordinal);
        }
    }
}
