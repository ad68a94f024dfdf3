using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Jobs;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// What a county officer and a township clerk read, in a real browser: every page in Chinese (no English words of a
/// user interface), a mistyped township refused on the users page with the near spelling, and the township page
/// usable at a phone's width (no sideways scrolling of the page, names on one line).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ChineseWorkplaceBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        _folder = TempFolder.Create("reliefmatch-chinese");
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July,
            Deceased(1, Luojin) with { Name = "欧阳明月", Village = "古楼村村民委员会" },
            Deceased(3, Luojin) with { Name = "司马长风" },
            Deceased(2, Suqiao));

        // An imported roster with a rejected row, so that the import pages have something to show.
        var roster = Path.Combine(_folder, "roster.csv");
        await File.WriteAllTextAsync(roster, "区划代码,乡镇,家庭编号,姓名,身份证号,救助类别,保障状态\r\n" +
            $"450326,罗锦镇,H1,欧阳明月,{TestRecords.IdNumber(1)},农村低保,在保\r\n450326,罗锦镇,H9,张九,4.50326199612088E+17,农村低保,在保\r\n", new UTF8Encoding(false));
        var report = await new ExtractImporter(_server.Database.DataSource, _server.Time, readerOptions: Readers.TestExtracts.Options).ImportFileAsync(roster, SourceKind.Roster, July);
        Assert.Equal(1, report.Rejected);

        // Job executions as the jobs record them: finished, failed, and one found unfinished by a later execution.
        var jobs = new JobRunStore(_server.Database.DataSource, _server.Time);
        await jobs.FinishAsync(await jobs.StartAsync("monthly-run", "2023-07", "12", 1, "server1"), JobOutcome.Succeeded, "运行 1：预警 3 条");
        await jobs.FinishAsync(await jobs.StartAsync("dibao-sample", "2023-07", "13", 1, "server1"), JobOutcome.Failed, "数据库暂时不可用");
        await jobs.StartAsync("import-inbox", "2023-07", "14", 1, "server1");
        await jobs.FinishAsync(await jobs.StartAsync("import-inbox", "2023-07", "15", 1, "server1"), JobOutcome.Cancelled, null);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_folder);
    }

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public void UsersPage_MistypedTownship_RefusedNamingTheNearSpellingThenAdded()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        SignIn(browser, "county1");
        browser.Navigate().GoToUrl(Url("/county/users"));

        AddUser(browser, "suqiao1", "苏乔镇");
        var refusal = browser.FindElement(By.Id("user-problem")).Text;
        Assert.Contains("乡镇“苏乔镇”不是本县名册中的乡镇", refusal, StringComparison.Ordinal);
        Assert.Contains("是否应为：苏桥镇？", refusal, StringComparison.Ordinal);
        // The form comes back with what was typed (the password aside).
        Assert.Equal("suqiao1", browser.FindElement(By.Id("user-name")).GetDomProperty("value"));
        Assert.Equal("苏乔镇", browser.FindElement(By.Id("user-township")).GetDomProperty("value"));

        browser.FindElement(By.Id("user-township")).Clear();
        AddUser(browser, null, "苏桥镇");
        Assert.Equal("已添加用户 suqiao1。", browser.FindElement(By.Id("user-added")).Text);
        Assert.Contains("suqiao1", browser.FindElement(By.Id("users")).Text, StringComparison.Ordinal);

        browser.Navigate().GoToUrl(Url("/county/audit"));
        Assert.Contains("添加用户", browser.FindElement(By.Id("audit")).Text, StringComparison.Ordinal);
        Assert.Contains("suqiao1（乡镇 苏桥镇）", browser.FindElement(By.Id("audit")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersPage_TownshipUserOrMistypedTownship_NothingStored()
    {
        using var township = _server.Client();
        await township.SignInOkAsync("luojin1");
        using var refused = await township.PostFormAsync("/county/users", "/townships/" + Uri.EscapeDataString(Luojin),
            ("name", "x"), ("role", "township"), ("township", Luojin), ("password", Password));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);

        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        using var mistyped = await county.PostFormAsync("/county/users", "/county/users",
            ("name", "x"), ("role", "township"), ("township", "罗锦"), ("password", Password));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.Contains("是否应为：罗锦镇？", await mistyped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await new UserStore(_server.Database.DataSource, _server.Time).FindAsync("x"));
    }

    [Fact]
    public void EveryPage_CountyAndTownship_NoEnglishWordsOfAUserInterface()
    {
        var township = Uri.EscapeDataString(Luojin);
        string[] countyPages =
        [
            "/county", "/county?period=2023-07", "/county/upload", "/county/imports", "/county/imports/1", "/county/runs",
            "/county/findings", $"/county/findings?township={township}", "/county/statistics?period=2023-07", "/county/samples",
            "/county/due-lists", "/county/audit", "/county/users", $"/townships/{township}?period=2023-07", "/hangfire", "/county/nothing-here",
        ];
        string[] townshipPages = [$"/townships/{township}?period=2023-07", $"/townships/{Uri.EscapeDataString(Suqiao)}", "/county"];

        var found = new List<string>();
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        browser.Navigate().GoToUrl(Url("/login"));
        found.AddRange(EnglishOn(browser, "/login"));
        SignIn(browser, "county1");
        foreach (var page in countyPages)
        {
            browser.Navigate().GoToUrl(Url(page));
            found.AddRange(EnglishOn(browser, page));
        }
        browser.FindElement(By.CssSelector("form[action='/logout'] button")).Click();
        browser.FindElement(By.Id("sign-in"));
        SignIn(browser, "luojin1");
        foreach (var page in townshipPages)
        {
            browser.Navigate().GoToUrl(Url(page));
            found.AddRange(EnglishOn(browser, page));
        }

        Assert.True(found.Count == 0, "English on the pages:\n" + string.Join("\n", found));
    }

    [Fact]
    public void TownshipPage_PhoneWidth_NoSidewaysScrollingAndNamesOnOneLine()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        SignIn(browser, "luojin1");
        browser.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = 375, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        browser.Navigate().GoToUrl(Url($"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07"));
        browser.FindElement(By.Id("findings"));

        var width = Convert.ToInt64(browser.ExecuteScript("return document.documentElement.scrollWidth;"), CultureInfo.InvariantCulture);
        var viewport = Convert.ToInt64(browser.ExecuteScript("return window.innerWidth;"), CultureInfo.InvariantCulture);
        Assert.Equal(375, viewport);
        Assert.True(width <= 375 + 2, $"the page is {width} px wide at a width of 375 px: it scrolls sideways");

        // Each name and village is one line of text: its characters lie in a single line box.
        foreach (var text in new[] { "欧阳明月", "司马长风", "古楼村村民委员会" })
        {
            var cell = browser.FindElement(By.XPath($"//table[@id='findings']//td[normalize-space(.)='{text}']"));
            var lines = Convert.ToInt64(browser.ExecuteScript(
                "const r = document.createRange(); r.selectNodeContents(arguments[0]); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;", cell),
                CultureInfo.InvariantCulture);
            // The text's own height (the cell is as high as its row, which a longer 证据 may make taller).
            var height = Convert.ToDouble(browser.ExecuteScript(
                "const r = document.createRange(); r.selectNodeContents(arguments[0]); return r.getBoundingClientRect().height;", cell), CultureInfo.InvariantCulture);
            var lineHeight = Convert.ToDouble(browser.ExecuteScript("const s = getComputedStyle(arguments[0]); return parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.4;", cell), CultureInfo.InvariantCulture);
            Assert.True(lines == 1, $"{text} takes {lines} lines");
            Assert.True(height < 2 * lineHeight, $"{text} is {height} px high, a line {lineHeight} px");
        }

        if (Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS") is { Length: > 0 })
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, "township-375.png"));
        }
    }

    private static void AddUser(ChromeDriver browser, string? name, string township)
    {
        if (name is not null)
        {
            browser.FindElement(By.Id("user-name")).SendKeys(name);
        }
        browser.FindElement(By.CssSelector("#user-role option[value='township']")).Click();
        browser.FindElement(By.Id("user-township")).SendKeys(township);
        browser.FindElement(By.Id("user-password")).SendKeys(Password);
        browser.FindElement(By.Id("add-user-button")).Click();
        browser.FindElement(By.Id("users"));
    }

    private void SignIn(IWebDriver browser, string name)
    {
        browser.Navigate().GoToUrl(Url("/login"));
        browser.FindElement(By.Id("name")).SendKeys(name);
        browser.FindElement(By.Id("password")).SendKeys(Password);
        browser.FindElement(By.Id("sign-in")).Click();
        browser.FindElement(By.CssSelector("form[action='/logout']"));
    }

    /// <summary>The English words of a user interface on the page as the user reads it (its text, title and button labels).</summary>
    private static IEnumerable<string> EnglishOn(IWebDriver browser, string page)
    {
        var text = (string)((IJavaScriptExecutor)browser).ExecuteScript(
            "return document.title + '\\n' + document.body.innerText + '\\n' + [...document.querySelectorAll('input[type=submit],input[type=button],input[placeholder]')].map(e => e.value + ' ' + (e.placeholder || '')).join(' ');")!;
        return EnglishWord().Matches(text).Select(m => $"{page}: “{m.Value}” in …{Around(text, m.Index)}…");
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 20), Math.Min(text.Length - Math.Max(0, index - 20), 50)).ReplaceLineEndings(" ");

    // Words of a user interface, statuses and job records that an English page would show (not next to other Latin letters:
    // a file name or a source's id may hold any).
    [GeneratedRegex(@"(?<![A-Za-z])(Jobs?|Servers?|Retries|Recurring|Dashboard|Succeeded|Failed|Running|Cancelled|Abandoned|Deleted|Enqueued|Scheduled|Processing|succeeded|failed|running|cancelled|abandoned|stamped|imported|refused|findings|households|merged|queued|transient|Download|Upload|Search|Submit|Save|Delete|Cancel|Edit|Back|Next|Previous|Home|Status|Error|error|Sign in|Sign out|Log ?in|Log ?out|Password|Username|User|Users|Township|County|Month|Period|Total|Page|None|null|undefined|true|false|unknown user|wrong password|locked|disabled)(?![A-Za-z])")]
    private static partial Regex EnglishWord();
}
