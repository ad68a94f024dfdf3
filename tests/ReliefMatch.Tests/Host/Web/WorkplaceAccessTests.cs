using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ReliefMatch.Host.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReliefMatch.Core.Findings;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// Every page and file URL of the workplace, asked for by a township user about another township (and about
/// county-only things): refused with 403 or 404, never the data. The table of URLs is checked against the
/// endpoints the host really maps, so that a new page without an access check here fails this test.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkplaceAccessTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string Own = Uri.EscapeDataString(Luojin);
    private static readonly string Other = Uri.EscapeDataString(Suqiao);

    private WorkplaceServer _server = null!;
    private long _otherReturn;
    private Finding _otherFinding = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
        await _server.AddUserAsync("suqiao1", Suqiao);
        _otherFinding = Deceased(2, Suqiao);
        await _server.SaveRunAsync(July, Deceased(1, Luojin), _otherFinding);
        using var suqiao = _server.Client();
        await suqiao.SignInOkAsync("suqiao1");
        using var upload = await suqiao.PostFilesAsync($"/townships/{Other}/returns", $"/townships/{Other}", "file", [("清单.csv", ReturnFiles.Csv((_otherFinding.Reference, "", "", "", "")))]);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        _otherReturn = long.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Each mapped route (method and pattern) with what a 罗锦镇 user asking about 苏桥镇 or county things gets.</summary>
    private IReadOnlyList<(string Method, string Pattern, string Url, HttpStatusCode Expected)> Table() =>
    [
        ("GET", "/login", "/login", HttpStatusCode.OK),
        ("POST", "/login", "/login", HttpStatusCode.Unauthorized),
        ("POST", "/logout", "/logout", HttpStatusCode.Redirect),
        ("GET", "/", "/", HttpStatusCode.Redirect),
        ("GET", "/township", "/township", HttpStatusCode.Redirect),
        ("GET", "/townships/{township}", $"/townships/{Other}", HttpStatusCode.Forbidden),
        ("GET", "/townships/{township}/worklist/{period}.xlsx", $"/townships/{Other}/worklist/2023-07.xlsx", HttpStatusCode.Forbidden),
        ("GET", "/townships/{township}/worklist/{period}.csv", $"/townships/{Other}/worklist/2023-07.csv", HttpStatusCode.Forbidden),
        ("GET", "/townships/{township}/control-list/{period}.xlsx", $"/townships/{Other}/control-list/2023-07.xlsx", HttpStatusCode.Forbidden),
        ("POST", "/townships/{township}/returns", $"/townships/{Other}/returns", HttpStatusCode.Forbidden),
        ("GET", "/townships/{township}/returns/{id:long}", $"/townships/{Other}/returns/{_otherReturn}", HttpStatusCode.Forbidden),
        ("POST", "/townships/{township}/entries/{period}", $"/townships/{Other}/entries/2023-07", HttpStatusCode.Forbidden),
        ("POST", "/townships/{township}/outcomes", $"/townships/{Other}/outcomes?period=2023-07", HttpStatusCode.Forbidden),
        ("GET", "/county/", "/county", HttpStatusCode.Forbidden),
        ("GET", "/county/upload", "/county/upload", HttpStatusCode.Forbidden),
        ("POST", "/county/upload", "/county/upload", HttpStatusCode.Forbidden),
        ("GET", "/county/imports", "/county/imports", HttpStatusCode.Forbidden),
        ("GET", "/county/imports/{id:long}", "/county/imports/1", HttpStatusCode.Forbidden),
        ("GET", "/county/runs", "/county/runs", HttpStatusCode.Forbidden),
        ("GET", "/county/findings", "/county/findings?q=" + Uri.EscapeDataString("李2"), HttpStatusCode.Forbidden),
        ("GET", "/county/statistics", "/county/statistics", HttpStatusCode.Forbidden),
        ("GET", "/county/statistics/{period}.xlsx", "/county/statistics/2023-07.xlsx", HttpStatusCode.Forbidden),
        ("GET", "/county/statistics/{period}.json", "/county/statistics/2023-07.json", HttpStatusCode.Forbidden),
        ("GET", "/county/months", "/county/months", HttpStatusCode.Forbidden),
        ("GET", "/county/months/{period}", "/county/months/2023-07", HttpStatusCode.Forbidden),
        ("POST", "/county/months/{period}/run", "/county/months/2023-07/run", HttpStatusCode.Forbidden),
        ("POST", "/county/months/{period}/publish", "/county/months/2023-07/publish", HttpStatusCode.Forbidden),
        ("GET", "/county/months/{period}/replay", "/county/months/2023-07/replay", HttpStatusCode.Forbidden),
        ("POST", "/county/months/{period}/replay", "/county/months/2023-07/replay", HttpStatusCode.Forbidden),
        ("POST", "/county/months/{period}/replay/publish", "/county/months/2023-07/replay/publish", HttpStatusCode.Forbidden),
        ("POST", "/county/months/pending/{id:long}", "/county/months/pending/1", HttpStatusCode.Forbidden),
        ("GET", "/county/audit", "/county/audit", HttpStatusCode.Forbidden),
        ("GET", "/county/users", "/county/users", HttpStatusCode.Forbidden),
        ("POST", "/county/users", "/county/users", HttpStatusCode.Forbidden),
        ("GET", "/county/samples", "/county/samples", HttpStatusCode.Forbidden),
        ("GET", "/county/samples/{period}.{extension}", "/county/samples/2023-07.xlsx", HttpStatusCode.Forbidden),
        ("POST", "/county/samples/review", "/county/samples/review?period=2023-07", HttpStatusCode.Forbidden),
        ("GET", "/county/due-lists", "/county/due-lists", HttpStatusCode.Forbidden),
        ("GET", "/county/accuracy", "/county/accuracy", HttpStatusCode.Forbidden),
        ("GET", "/county/due-lists/{kind}/{key}.{extension}", "/county/due-lists/overdue/2023-07.csv", HttpStatusCode.Forbidden),
        ("GET", "/hangfire/{**rest}", "/hangfire", HttpStatusCode.Forbidden),
        ("GET", "/findings", "/findings?full=1", HttpStatusCode.Forbidden),
        ("GET", "/findings/export.xlsx", "/findings/export.xlsx?full=1", HttpStatusCode.Forbidden),
        ("GET", "/findings/{reference}", $"/findings/{_otherFinding.Reference}", HttpStatusCode.NotFound),
    ];

    [Fact]
    public void Table_CoversEveryMappedEndpoint()
    {
        var mapped = _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Table().Select(t => $"{t.Method} {t.Pattern}").Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public async Task EveryUrl_TownshipUserAboutAnotherTownship_RefusedWithoutTheData()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        var failures = new List<string>();
        foreach (var (method, _, url, expected) in Table().Where(t => t.Expected is HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
        {
            using var response = method == "GET"
                ? await client.GetAsync(url)
                : await client.PostFilesAsync(url, $"/townships/{Own}", url.EndsWith("/returns", StringComparison.Ordinal) ? "file" : "files",
                    [("清单.csv", ReturnFiles.Csv((_otherFinding.Reference, "不属实", "查无此事", "王五", "2023-08-01")))], ("period", "2023-07"));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                failures.Add($"{method} {url}: {(int)response.StatusCode}, expected {(int)expected}");
            }
            if (body.Contains("李2", StringComparison.Ordinal) || body.Contains(_otherFinding.Reference, StringComparison.Ordinal)
                || response.Content.Headers.ContentType?.MediaType is not ("text/html" or null))
            {
                failures.Add($"{method} {url}: the refusal carries data ({response.Content.Headers.ContentType})");
            }
        }
        Assert.Empty(failures);
        Assert.Equal("(open,)", await StorageTestDb.DumpAsync(_server.Database.DataSource,
            $"SELECT status, disposition_reason FROM reliefmatch.findings WHERE key = '{_otherFinding.Key}'"));
    }

    [Fact]
    public async Task EveryRefusal_WrittenToTheAuditLogWithWhoWhatAndWhen()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        _server.Time.Advance(TimeSpan.FromMinutes(3));
        var forbidden = Table().Where(t => t.Expected == HttpStatusCode.Forbidden && t.Method == "GET").ToList();
        foreach (var (_, _, url, _) in forbidden)
        {
            (await client.GetAsync(url)).Dispose();
        }
        // An address that quotes an ID number is recorded with the number masked.
        (await client.GetAsync("/hangfire/" + TestRecords.IdNumber(7))).Dispose();

        var expected = forbidden.Select(t => $"(luojin1,township,{Luojin},access-denied,\"GET {Uri.UnescapeDataString(t.Url.Split('?')[0])}\",127.0.0.1,\"2023-08-10 02:03:00+00\")")
            .Append($"(luojin1,township,{Luojin},access-denied,\"GET /hangfire/{ReliefMatch.Core.Identity.ResidentId.Mask(TestRecords.IdNumber(7))}\",127.0.0.1,\"2023-08-10 02:03:00+00\")")
            .Order(StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", expected), await StorageTestDb.DumpAsync(_server.Database.DataSource,
            "SELECT user_name, role, township, action, subject, address, at AT TIME ZONE 'UTC' || '+00' FROM reliefmatch.audit_log WHERE action = 'access-denied'"));

        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        Assert.Contains("<td>拒绝访问</td><td class=\"wrap\">GET /county/audit</td>", await county.PageAsync("/county/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnTownshipUrl_OtherTownshipsReturn_NotFound()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");

        using var response = await client.GetAsync($"/townships/{Own}/returns/{_otherReturn}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FullIds_AskedByATownshipUser_Refused()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");

        foreach (var url in new[] { $"/townships/{Own}?full=1", $"/townships/{Own}/worklist/2023-07.xlsx?full=1", $"/townships/{Own}/worklist/2023-07.csv?full=1" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var page = await client.PageAsync($"/townships/{Own}");
        Assert.DoesNotContain(TestRecords.IdNumber(1), page, StringComparison.Ordinal);
        Assert.Contains(ReliefMatch.Core.Identity.ResidentId.Mask(TestRecords.IdNumber(1)), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryUrl_NotSignedIn_SentToTheLoginPage()
    {
        using var client = _server.Client();
        foreach (var (method, _, url, _) in Table().Where(t => t.Pattern is not "/login"))
        {
            using var response = method == "GET" ? await client.GetAsync(url) : await client.PostFormAsync(url, "/login");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/login",
                $"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Hangfire_County_ReachesTheDashboardAddress()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("county1");

        using var response = await client.GetAsync("/hangfire");

        // No jobs in this host: the county is told there is no dashboard (the jobs' dashboard answers here once connected).
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("任务面板", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_DashboardConnectedThroughTheHooks_CountyOnly()
    {
        var hooks = new WorkplaceHooks(_ => { }, app => app.Map("/hangfire", branch => branch.Run(context => context.Response.WriteAsync("dashboard"))));
        await using var server = await WorkplaceServer.StartAsync(postgres, hooks);
        await server.AddUserAsync("county1", null);
        await server.AddUserAsync("luojin1", Luojin);
        using var county = server.Client();
        await county.SignInOkAsync("county1");
        using var township = server.Client();
        await township.SignInOkAsync("luojin1");
        using var anonymous = server.Client();

        using var forCounty = await county.GetAsync("/hangfire/jobs/enqueued");
        using var forTownship = await township.GetAsync("/hangfire/jobs/enqueued");
        using var forAnonymous = await anonymous.GetAsync("/hangfire");

        Assert.Equal((HttpStatusCode.OK, "dashboard"), (forCounty.StatusCode, await forCounty.Content.ReadAsStringAsync()));
        Assert.False(forCounty.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.Forbidden, forTownship.StatusCode);
        Assert.DoesNotContain("dashboard", await forTownship.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/login", forAnonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task OtherTownshipPages_County_Allowed()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("county1");

        Assert.Contains("李2", await client.PageAsync($"/townships/{Other}"), StringComparison.Ordinal);
        using var file = await client.GetAsync($"/townships/{Other}/worklist/2023-07.xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("核查结果上传", await client.PageAsync($"/townships/{Other}/returns/{_otherReturn}"), StringComparison.Ordinal);
    }
}
