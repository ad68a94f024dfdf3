using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class CountyDashboardTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Dashboard_ByRole_OnlyTheCountyGetsIt()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await using var app = await StartDashboardAsync(h);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? role) => GetWithRoleAsync(http, path, role);

        var anonymous = await GetAsync("/hangfire", null);
        var township = await GetAsync("/hangfire/recurring", "township");
        var county = await GetAsync("/hangfire/recurring", "county");
        var countyStats = await GetAsync("/hangfire/jobs/succeeded", "county");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, township.Status);
        Assert.DoesNotContain("monthly-run", township.Body);
        Assert.Equal(HttpStatusCode.OK, county.Status);
        Assert.Contains("monthly-run", county.Body);
        Assert.Contains("dibao-sample", county.Body);
        Assert.Equal(HttpStatusCode.OK, countyStats.Status);
    }

    [Fact]
    public async Task Dashboard_County_ShownInChineseWithChineseJobNames()
    {
        await using var h = await JobsHarness.StartAsync(postgres);
        await using var app = await StartDashboardAsync(h);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var home = await GetWithRoleAsync(http, "/hangfire", "county");
        var recurring = await GetWithRoleAsync(http, "/hangfire/recurring", "county");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, home.Status);
        foreach (var chinese in new[] { "作业", "服务器", "重试" })
        {
            Assert.Contains(chinese, home.Body, StringComparison.Ordinal);
        }
        foreach (var english in new[] { ">Jobs<", ">Servers<", ">Retries<", ">Recurring Jobs<", "Realtime Graph", "History Graph" })
        {
            Assert.DoesNotContain(english, home.Body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("社会救助数据比对预警", home.Body, StringComparison.Ordinal);
        // The recurring jobs keep their ids; what they do reads in Chinese.
        Assert.Contains("月度比对（上月）", recurring.Body, StringComparison.Ordinal);
        Assert.Contains("低保新增线上核查抽样（上月）", recurring.Body, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartDashboardAsync(JobsHarness h)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddReliefMatchJobs(h.Options with { RunServer = false });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseReliefMatchJobs();
        await app.StartAsync();
        return app;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetWithRoleAsync(HttpClient http, string path, string? role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is not null)
        {
            request.Headers.Add("X-Test-Role", role);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("township", true, false)]
    [InlineData("county", true, true)]
    [InlineData("county", false, false)]   // a role claim on an identity nobody signed in
    public void Allows_User_OnlyASignedInCountyUser(string? role, bool authenticated, bool allowed)
    {
        var claims = role is null ? [] : new[] { new Claim(ClaimTypes.Role, role) };
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticated ? "cookie" : null));

        Assert.Equal(allowed, CountyDashboardAuthorizationFilter.Allows(user));
    }
}
