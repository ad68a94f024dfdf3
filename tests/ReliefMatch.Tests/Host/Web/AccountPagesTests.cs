using System.Net;
using ReliefMatch.Host.Web;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;
using ReliefMatch.Tests.Storage;
using static ReliefMatch.Tests.Host.Web.WebTestData;

namespace ReliefMatch.Tests.Host.Web;

[Collection(PostgresCollection.Name)]
public sealed class AccountPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WorkplaceServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkplaceServer.StartAsync(postgres);
        await _server.AddUserAsync("county1", null);
        await _server.AddUserAsync("luojin1", Luojin);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Login_RightPassword_SignsInAndSendsEachRoleHome()
    {
        using var township = _server.Client();
        await township.SignInOkAsync("luojin1");
        using (var home = await township.GetAsync("/"))
        {
            Assert.Equal("/townships/%E7%BD%97%E9%94%A6%E9%95%87", home.Headers.Location!.OriginalString);
        }
        using var county = _server.Client();
        await county.SignInOkAsync("county1");
        using (var home = await county.GetAsync("/"))
        {
            Assert.Equal("/county", home.Headers.Location!.OriginalString);
        }
        Assert.Contains("各乡镇核查进度", await county.PageAsync("/county"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownName_SameRefusalAndAudited()
    {
        using var client = _server.Client();

        using var wrong = await client.SignInAsync("luojin1", "not the password");
        using var unknown = await client.SignInAsync("nobody", "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("用户名或密码不正确", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("(luojin1,township,sign-in-failed,密码错误)\n(nobody,,sign-in-failed,无此用户)",
            await StorageTestDb.DumpAsync(_server.Database.DataSource, "SELECT user_name, role, action, subject FROM reliefmatch.audit_log"));
        using var page = await client.GetAsync("/county");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LockedFifteenMinutesEvenForTheRightPassword()
    {
        using var client = _server.Client();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await client.SignInAsync("luojin1", "wrong" + i);
            Assert.Contains("用户名或密码不正确", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var fifth = await client.SignInAsync("luojin1", "wrong again"))
        {
            Assert.Contains("账户已锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        _server.Time.Advance(TimeSpan.FromMinutes(14));
        using (var stillLocked = await client.SignInAsync("luojin1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
            Assert.Contains("账户已锁定", await stillLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        _server.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await client.SignInOkAsync("luojin1");
        var user = await new UserStore(_server.Database.DataSource, _server.Time).FindAsync("luojin1");
        Assert.Equal((0, (DateTimeOffset?)null), (user!.FailedSignIns, user.LockedUntil));
    }

    [Fact]
    public async Task Login_SuccessBetweenFailures_StartsTheCountAgain()
    {
        using var client = _server.Client();
        for (var i = 0; i < 4; i++)
        {
            (await client.SignInAsync("luojin1", "wrong")).Dispose();
        }
        await client.SignInOkAsync("luojin1");
        for (var i = 0; i < 4; i++)
        {
            (await client.SignInAsync("luojin1", "wrong")).Dispose();
        }

        using var response = await client.SignInAsync("luojin1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Refused()
    {
        using var client = _server.Client();
        await client.PageAsync("/login");

        using var response = await client.PostFormAsync("/login", null, ("name", "luojin1"), ("password", Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(client.Cookies.GetCookies(_server.Address)[WorkplaceHost.CookieName]);
    }

    /// <summary>
    /// ReturnUrl values (as they stand in the query) that lead, or that some browser reads as leading, to another
    /// host: protocol-relative, backslash, control characters browsers drop (<c>/\t/evil.example</c> is
    /// <c>//evil.example</c>), their encoded forms, absolute URLs, and what is not plain ASCII.
    /// </summary>
    private static readonly string[] OffSiteReturnUrls =
    [
        "%2F%2Fevil.example%2F",
        "//evil.example/",
        "/%09/evil.example",
        "%2F%09%2Fevil.example",
        "/%0A/evil.example",
        "/%0D/evil.example",
        "/%0D%0A/evil.example",
        "/%00/evil.example",
        "/%7F/evil.example",
        "/%5Cevil.example",
        "%2F%5Cevil.example",
        "/%5C%09evil.example",
        "%5C%5Cevil.example",
        "%2F%2F%2Fevil.example",
        "http%3A%2F%2Fevil.example%2F",
        "https://evil.example/",
        "HTTPS:%2F%2Fevil.example",
        "javascript:alert(1)",
        "%252F%252Fevil.example",
        "evil.example",
        "%20%2F%2Fevil.example",
        "~%2F%2Fevil.example",
        "/%E3%80%80/evil.example",
        "/%C2%85/evil.example",
    ];

    [Fact]
    public async Task Login_ReturnUrlOffThisSite_SentHomeInstead()
    {
        var failures = new List<string>();
        foreach (var returnUrl in OffSiteReturnUrls)
        {
            using var client = _server.Client();
            var page = await client.PageAsync("/login?ReturnUrl=" + returnUrl);

            using var response = await client.PostFormAsync("/login?ReturnUrl=" + returnUrl, "/login", ("name", "county1"), ("password", Password));

            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            {
                failures.Add($"{returnUrl}: {(int)response.StatusCode} to {response.Headers.Location?.OriginalString}");
            }
            // Nor is it carried on into the sign-in form.
            if (!page.Contains("action=\"/login\"", StringComparison.Ordinal))
            {
                failures.Add($"{returnUrl}: carried into the form");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Logout_ReturnUrlOffThisSite_ToTheLoginPage()
    {
        using var client = _server.Client();
        var failures = new List<string>();
        foreach (var returnUrl in OffSiteReturnUrls)
        {
            await client.SignInOkAsync("county1");

            using var response = await client.PostFormAsync("/logout?ReturnUrl=" + returnUrl, "/county", []);

            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/login")
            {
                failures.Add($"{returnUrl}: {(int)response.StatusCode} to {response.Headers.Location?.OriginalString}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Login_ReturnUrlOfThisSite_Followed()
    {
        (string ReturnUrl, string Expected)[] cases =
        [
            ("%2Fcounty%2Fruns", "/county/runs"),
            ("/county/findings?q=%25E6%259D%258E2", "/county/findings?q=%E6%9D%8E2"),
            ("/townships/%25E7%25BD%2597%25E9%2594%25A6%25E9%2595%2587", "/townships/%E7%BD%97%E9%94%A6%E9%95%87"),
            ("/", "/"),
        ];
        foreach (var (returnUrl, expected) in cases)
        {
            using var client = _server.Client();

            using var response = await client.PostFormAsync("/login?ReturnUrl=" + returnUrl, "/login", ("name", "county1"), ("password", Password));

            Assert.Equal(expected, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Login_AfterTheChallenge_BackWhereTheUserWasGoing()
    {
        using var client = _server.Client();
        using var challenge = await client.GetAsync("/townships/" + Uri.EscapeDataString(Luojin) + "?period=2023-07");
        var login = challenge.Headers.Location!.PathAndQuery;

        using var response = await client.PostFormAsync(login, "/login", ("name", "luojin1"), ("password", Password));

        Assert.Equal("/townships/%E7%BD%97%E9%94%A6%E9%95%87?period=2023-07", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_SignsOutAndIsAudited()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("county1");

        using var response = await client.PostFormAsync("/logout", "/county", []);

        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        using var after = await client.GetAsync("/county");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(1, await StorageTestDb.CountAsync(_server.Database.DataSource, "audit_log", "action = 'sign-out' AND user_name = 'county1'"));
    }

    [Fact]
    public async Task Logout_CookieCopiedBefore_NoLongerWorks()
    {
        using var browser = _server.Client();
        await browser.SignInOkAsync("county1");
        using var copy = _server.Client();
        copy.Cookies.Add(_server.Address, new Cookie(WorkplaceHost.CookieName, browser.Cookies.GetCookies(_server.Address)[WorkplaceHost.CookieName]!.Value));
        await copy.PageAsync("/county");

        (await browser.PostFormAsync("/logout", "/county", [])).Dispose();

        using var after = await copy.GetAsync("/county");
        Assert.Equal((HttpStatusCode.Redirect, "/login"), (after.StatusCode, after.Headers.Location!.AbsolutePath));
        Assert.Equal(0, await StorageTestDb.CountAsync(_server.Database.DataSource, "sessions"));
    }

    [Fact]
    public async Task Logout_OneBrowser_TheSameUsersOtherBrowserStaysSignedIn()
    {
        using var office = _server.Client();
        await office.SignInOkAsync("county1");
        using var laptop = _server.Client();
        await laptop.SignInOkAsync("county1");

        (await office.PostFormAsync("/logout", "/county", [])).Dispose();

        await laptop.PageAsync("/county");
        using var signedOut = await office.GetAsync("/county");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Fact]
    public async Task Login_ThroughAnHttpsProxyOnThisMachine_SecureCookiesAndTheBrowsersAddressAudited()
    {
        using var direct = _server.Client();
        using var viaProxy = _server.Client();
        await viaProxy.TokenAsync();
        viaProxy.AddHeader("X-Forwarded-Proto", "https");
        viaProxy.AddHeader("X-Forwarded-For", "192.0.2.7");

        using var plain = await direct.SignInAsync("county1");
        using var proxied = await viaProxy.SignInAsync("luojin1");
        using var form = await _server.Client().GetAsync("/login");

        Assert.DoesNotContain("secure", AuthCookie(plain), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", AuthCookie(proxied), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("(county1,127.0.0.1)\n(luojin1,192.0.2.7)", await StorageTestDb.DumpAsync(_server.Database.DataSource,
            $"SELECT user_name, address FROM reliefmatch.audit_log WHERE action = '{AuditActions.SignIn}'"));
        Assert.DoesNotContain("secure", FormCookie(form), StringComparison.OrdinalIgnoreCase);

        static string AuthCookie(HttpResponseMessage response) =>
            response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(WorkplaceHost.CookieName + "=", StringComparison.Ordinal));
        static string FormCookie(HttpResponseMessage response) =>
            response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reliefmatch.form=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormCookie_ThroughAnHttpsProxyOnThisMachine_Secure()
    {
        using var client = _server.Client();
        client.AddHeader("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync("/login");

        Assert.Contains("; secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reliefmatch.form=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DisabledUser_SignedInBrowserSignedOutAndSignInRefused()
    {
        using var client = _server.Client();
        await client.SignInOkAsync("luojin1");
        await client.PageAsync("/townships/" + Uri.EscapeDataString(Luojin));

        await new UserStore(_server.Database.DataSource, _server.Time).SetEnabledAsync("luojin1", false);

        using (var after = await client.GetAsync("/townships/" + Uri.EscapeDataString(Luojin)))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        using var again = await client.SignInAsync("luojin1");
        Assert.Contains("该账户已停用", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_StoredOnlyAsSaltedHashes()
    {
        await _server.AddUserAsync("luojin2", Luojin);

        var lines = new List<string>();
        await using (var cmd = _server.Database.DataSource.CreateCommand("SELECT password_hash FROM reliefmatch.users WHERE name IN ('luojin1', 'luojin2')"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                lines.Add(r.GetString(0));
            }
        }

        Assert.Equal(2, lines.Count);
        Assert.All(lines, h => Assert.DoesNotContain(Password, h, StringComparison.Ordinal));
        Assert.NotEqual(lines[0], lines[1]);
        // Identity's v3 format: a version byte 0x01, then PRF, iterations, salt and subkey.
        Assert.All(lines, h => Assert.Equal(0x01, Convert.FromBase64String(h)[0]));
    }
}
