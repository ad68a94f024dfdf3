using OpenQA.Selenium;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// The month page's table of the month's sources, in a real browser, lists every source the installation declares: the
/// shipped ones beyond the six the first rules read (机动车登记, vehicles), and a county's own source added by a file alone
/// (火化记录, <c>sources/cremation.yaml</c> in its rules folder) with its July extract; an inbox folder no declaration names
/// is shown by name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonthSourcesBrowserTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _rules = TempFolder.Create("reliefmatch-month-rules");
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        foreach (var rule in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "rules"), "*.yaml"))
        {
            File.Copy(rule, Path.Combine(_rules, Path.GetFileName(rule)));
        }
        Directory.CreateDirectory(Path.Combine(_rules, "sources"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cremation", "cremation.yaml"), Path.Combine(_rules, "sources", "cremation.yaml"));
        _server = await WorkplaceServer.StartAsync(postgres, rulesFolder: _rules);
        await _server.AddUserAsync("county1", null);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_rules);
    }

    [Fact]
    public async Task MonthPage_EveryDeclaredSource_ListedByChineseNameWithItsFilesUndeclaredFolderNamed()
    {
        var drop = TempFolder.Create("reliefmatch-month-drop");
        try
        {
            Directory.CreateDirectory(Path.Combine(drop, "cremation"));
            await File.WriteAllTextAsync(Path.Combine(drop, "cremation", "火化记录_202307.csv"),
                $"逝者姓名,逝者身份证号,火化日期\n张一,{TestRecords.IdNumber(1)},2023-06-20\n");
            var catalog = RuleFolder.Sources(_rules);
            var reports = await new ExtractImporter(_server.Database.DataSource, _server.Time, null, null, Installation.OfSample.ReaderOptions, catalog)
                .ImportFolderAsync(drop, new ReportingMonth(2023, 7));
            Assert.Equal(1, Assert.Single(reports).Accepted);
        }
        finally
        {
            TempFolder.Delete(drop);
        }
        Directory.CreateDirectory(Path.Combine(_server.Inbox, "housing-fund"));
        using var chromium = new HeadlessChromium();
        var browser = chromium.Chrome;
        chromium.SignIn(_server.Address, "county1");

        browser.Navigate().GoToUrl(new Uri(_server.Address, "county/months/2023-07").AbsoluteUri);

        var rows = browser.FindElements(By.CssSelector("#source-table tbody tr[data-source]"));
        // The twenty shipped declarations and the county's own, once each.
        Assert.Equal(21, rows.Select(r => r.GetAttribute("data-source")).Distinct(StringComparer.Ordinal).Count());
        var vehicles = browser.FindElement(By.CssSelector("#source-table tr[data-source='vehicles']")).Text;
        Assert.Contains("机动车登记", vehicles, StringComparison.Ordinal);
        Assert.Contains("本月没有", vehicles, StringComparison.Ordinal);
        var cremation = browser.FindElement(By.CssSelector("#source-table tr[data-source='cremation']")).Text;
        Assert.Contains("火化记录", cremation, StringComparison.Ordinal);
        Assert.Contains("cremation/火化记录_202307.csv", cremation, StringComparison.Ordinal);
        Assert.Equal("housing-fund", browser.FindElement(By.CssSelector("#undeclared li[data-folder='housing-fund']")).Text);
        MonthBrowserTests.Screenshot(browser, "month-sources.png");
    }
}
