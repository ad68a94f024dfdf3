using OpenQA.Selenium;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Storage.Statistics;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The twelve-month trends in a real browser: the county home draws the county's and every township's, a township's
/// page its own only; months no run counted are gaps, not zeros.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TrendBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.SaveRunAsync(July, Deceased(1, Luojin), Deceased(2, Suqiao));
        var store = new MonthFigureStore(_server.Database.DataSource);
        // Eleven months counted, 2023-03 not (no run that month); 标记 partly counted (some tags lack a source).
        foreach (var month in Enumerable.Range(new ReportingMonth(2022, 8).Ordinal, 12).Select(ReportingMonth.FromOrdinal).Where(m => m != new ReportingMonth(2023, 3)))
        {
            var n = month.Ordinal % 7;
            await store.SaveAsync(Sheet(month, (Luojin, n, n + 2), (Suqiao, 2 * n, null)), _server.Time.GetUtcNow());
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A month's 统计表 with the given 数据预警 and counted 标记 persons per township (the county their sum).</summary>
    private static MonthStatistics Sheet(ReportingMonth month, params (string Township, int DataWarning, int? Tags)[] townships)
    {
        static UnitStatistics Unit(int dataWarning, int? tags) =>
            new(new DataWarningCounts(dataWarning, dataWarning, 0, 0, 0), new Dictionary<string, int?>(), new Dictionary<string, int?>(), null) { TagsCounted = tags };
        var county = Unit(townships.Sum(t => t.DataWarning), townships.Sum(t => t.Tags));
        var graduate = SheetCells.Tags.Single(c => c.Key == "graduate");
        return new MonthStatistics(month, county, townships.Select(t => new TownshipStatistics(t.Township, Unit(t.DataWarning, t.Tags))).ToList(),
            [new MissingCell(graduate, [StatisticsSource.Students])]);
    }

    private string Url(string path) => new Uri(_server.Address, path.TrimStart('/')).AbsoluteUri;

    [Fact]
    public void CountyHome_ShowsTheCountysAndEachTownshipsTrend_GapForTheMonthWithoutARun()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");
        browser.Navigate().GoToUrl(Url("/county?period=2023-07"));

        var county = browser.FindElement(By.CssSelector("svg#trend-county"));
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero; // the page is there: what is absent is looked for once
        Assert.True(county.Displayed && county.Size.Width > 300 && county.Size.Height > 100, $"{county.Size}");
        Assert.Equal("全县近12个月数据预警、标记人数", county.FindElement(By.CssSelector("title")).GetDomProperty("textContent"));
        Assert.Contains("未统计的月份：2023年3月", county.FindElement(By.CssSelector("desc")).GetDomProperty("textContent"), StringComparison.Ordinal);
        // Eleven points per line: March 2023 has none, and its column is shaded.
        Assert.Equal(11, county.FindElements(By.CssSelector("circle[data-series='数据预警']")).Count);
        Assert.Empty(county.FindElements(By.CssSelector("circle[data-month='2023-03']")));
        Assert.Single(county.FindElements(By.CssSelector("rect.gap")));
        Assert.Equal(2, county.FindElements(By.CssSelector("polyline[data-series='数据预警']")).Count);
        // 标记 lacks the graduates' source: hollow points.
        Assert.All(county.FindElements(By.CssSelector("circle[data-series='标记']")), c => Assert.Equal("#fff", c.GetDomAttribute("fill")));

        var townships = browser.FindElements(By.CssSelector("#trend-townships svg.trend")).Select(s => s.FindElement(By.CssSelector("title")).GetDomProperty("textContent")).ToList();
        Assert.Equal([$"{Luojin}近12个月数据预警、标记人数", $"{Suqiao}近12个月数据预警、标记人数"], townships);
        // 苏桥镇's 标记 was never counted: no 标记 points, 数据预警 still drawn.
        var suqiao = browser.FindElements(By.CssSelector("#trend-townships svg.trend"))[1];
        Assert.Empty(suqiao.FindElements(By.CssSelector("circle[data-series='标记']")));
        Assert.Equal(11, suqiao.FindElements(By.CssSelector("circle[data-series='数据预警']")).Count);

        // The table beside the chart says the same, March as 未统计.
        var table = browser.FindElement(By.Id("trend-county-table"));
        Assert.Equal("未统计", table.FindElements(By.CssSelector("tr[data-series='数据预警'] td"))[7].GetDomProperty("textContent"));

        if (Environment.GetEnvironmentVariable("RELIEFMATCH_SCREENSHOTS") is { Length: > 0 })
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "docs", "screenshots")).FullName;
            ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('trend').scrollIntoView()");
            browser.GetScreenshot().SaveAsFile(Path.Combine(folder, "trend.png"));
        }
    }

    [Fact]
    public void TownshipPage_ShowsItsOwnTrendOnly()
    {
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "luojin1");
        browser.Navigate().GoToUrl(Url($"/townships/{Uri.EscapeDataString(Luojin)}?period=2023-07"));

        var chart = browser.FindElement(By.CssSelector("svg#trend-township"));
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        Assert.Equal($"{Luojin}近12个月数据预警、标记人数", chart.FindElement(By.CssSelector("title")).GetDomProperty("textContent"));
        Assert.Equal(11, chart.FindElements(By.CssSelector("circle[data-series='标记']")).Count);
        Assert.DoesNotContain(Suqiao, browser.FindElement(By.Id("trend")).Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindElements(By.Id("trend-county")));
    }
}
