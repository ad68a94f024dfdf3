using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Runs;
using ReliefMatch.Tests.Infrastructure;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// Two months through the pages, with real extracts and monthly runs: the county uploads, the township returns
/// its worklist, and the next month shows what storage promises: a dismissed finding whose evidence has not
/// changed is not raised again, and a confirmed finding closes once the person has left the roster.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkplaceFlowTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string Own = Uri.EscapeDataString(Luojin);
    private readonly string _confirmedId = TestRecords.IdNumber(11);
    private readonly string _dismissedId = TestRecords.IdNumber(12);
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task UploadAndRunAsync(WorkplaceClient county, ReportingMonth period, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await county.PostFilesAsync("/county/upload", "/county/upload", "files", files, ("source", ""), ("period", period.ToString()));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !page.Contains("拒收：", StringComparison.Ordinal), page);
        var rules = RuleFolder.Load(Path.Combine(RepositoryRoot.Path, "rules"));
        await new MonthlyRun(_server.Database.DataSource, rules, Installation.OfSample, _server.Time, NullLogger.Instance).ExecuteAsync(new MonthlyRunRequest(period, null, null));
    }

    private static string Count(string html, string id) => Regex.Match(html, $"id=\"{id}\"[^>]*>(\\d+)<").Groups[1].Value;

    [Fact]
    public async Task TwoMonths_DismissedStaysQuietAndConfirmedClosesWhenThePersonLeavesTheRoster()
    {
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        await UploadAndRunAsync(county, July,
            ("花名册_202307.csv", ExtractFiles.Roster(("张十一", _confirmedId, Luojin, "H11", "农村低保"), ("张十二", _dismissedId, Luojin, "H12", "农村低保"))),
            ("死亡注销_202307.csv", ExtractFiles.PoliceDeaths(("张十一", _confirmedId, "2023-06-01"), ("张十二", _dismissedId, "2023-06-02"))));

        using var township = _server.Client();
        await township.SignInOkAsync("luojin1");
        var julyPage = await township.PageAsync($"/townships/{Own}?period=2023-07");
        Assert.Equal("2", Count(julyPage, "count-open"));
        var csv = Encoding.UTF8.GetString(await (await township.GetAsync($"/townships/{Own}/worklist/2023-07.csv")).Content.ReadAsByteArrayAsync());
        var references = csv.Split("\r\n").Skip(1).Where(l => l.Length > 0).ToDictionary(l => l.Split(',')[2], l => l.Split(',')[^1]);
        using (var returned = await township.PostFilesAsync($"/townships/{Own}/returns", $"/townships/{Own}", "file", [("returned.csv", ReturnFiles.Csv(
            (references["张十一"], "属实", "已停保", "王五", "2023-08-05"),
            (references["张十二"], "不属实", "本人健在，系同名误报", "王五", "2023-08-05")))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        // August: 张十一 has left the roster; the police record of 张十二 is unchanged.
        _server.Time.SetUtcNow(new DateTimeOffset(2023, 9, 2, 2, 0, 0, TimeSpan.Zero));
        await county.SignInOkAsync("county1");
        await township.SignInOkAsync("luojin1");
        await UploadAndRunAsync(county, August, ("花名册_202308.csv", ExtractFiles.Roster(("张十二", _dismissedId, Luojin, "H12", "农村低保"))));

        var august = await township.PageAsync($"/townships/{Own}?period=2023-08");
        var augustCsv = Encoding.UTF8.GetString(await (await township.GetAsync($"/townships/{Own}/worklist/2023-08.csv")).Content.ReadAsByteArrayAsync());
        var july = await township.PageAsync($"/townships/{Own}?period=2023-07");
        var statistics = Regex.Replace(await county.PageAsync("/county/statistics?period=2023-08"), "\\s+", " ");

        Assert.Equal(("1", "0", "1"), (Count(august, "count-total"), Count(august, "count-open"), Count(august, "count-dismissed")));
        Assert.DoesNotContain("张十二", augustCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("张十一", augustCsv, StringComparison.Ordinal);
        Assert.Equal(("1", "1", "0"), (Count(july, "count-closed"), Count(july, "count-dismissed"), Count(july, "count-confirmed")));
        Assert.Contains("<th>全县</th><td class=\"n\">0</td>", statistics, StringComparison.Ordinal);
    }
}
