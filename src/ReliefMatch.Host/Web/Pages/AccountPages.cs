using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>Signing in and out, and the home address that sends each role to its own start page.</summary>
public static class AccountPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context) => LoginPage(context, null, "")).AllowAnonymous();
        app.MapPost("/login", SignInAsync).AllowAnonymous();
        app.MapPost("/logout", (Delegate)SignOutAsync);
        app.MapGet("/", (HttpContext context) =>
            context.User.IsCounty() ? Results.Redirect(Links.County())
            : context.User.Township() is { } township ? Results.Redirect(Links.Township(township))
            : PageResults.Forbidden(context));
    }

    private static IResult LoginPage(HttpContext context, string? message, string name, int status = StatusCodes.Status200OK)
    {
        var returnUrl = LocalReturnUrl(context.Request.Query["ReturnUrl"].ToString());
        var error = message is null ? Markup.Empty : Of($"""<p class="msg" id="login-error">{message}</p>""");
        var content = Of($"""
            <div class="box" style="max-width:360px">
            {error}
            <form method="post" action="/login{(returnUrl is null ? "" : Links.Query(("ReturnUrl", returnUrl)))}">
            {Layout.AntiforgeryField(context)}
            <p><label for="name">用户名</label><br><input id="name" name="name" value="{name}" autocomplete="username" required autofocus></p>
            <p><label for="password">密码</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit" id="sign-in">登录</button></p>
            </form></div>
            """);
        return PageResults.Page(context, "登录", content, status);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, SignInService signIn, UserStore users)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString();
        var address = context.Connection.RemoteIpAddress?.ToString();
        var outcome = await signIn.SignInAsync(name, form["password"].ToString(), address, context.RequestAborted);
        if (outcome.User is not { } user)
        {
            return LoginPage(context, outcome.Refusal, name.Trim(), StatusCodes.Status401Unauthorized);
        }
        // The address goes to the cookie handler too: on the sign-in path it would otherwise follow ReturnUrl by
        // its own, weaker check. LocalRedirect checks once more that the address is this site's.
        var next = LocalReturnUrl(context.Request.Query["ReturnUrl"].ToString()) ?? "/";
        var session = await users.StartSessionAsync(user.Id, address, WorkplaceHost.SignInLifetime, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, WorkplaceClaims.Principal(user, session, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { RedirectUri = next });
        return Results.LocalRedirect(next);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UserStore users)
    {
        await WorkplaceAudit.WriteAsync(context, AuditActions.SignOut, "");
        // The session ends on the server: a copy of the cookie taken before signs nobody in.
        if (context.User.SessionId() is { } session)
        {
            await users.EndSessionAsync(session, context.RequestAborted);
        }
        // As on sign-in: the cookie handler is told where to go, so that it never follows a ReturnUrl of its own.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/login" });
        return Results.Redirect("/login");
    }

    /// <summary>
    /// The address to go on to after sign-in when it is a path of this site, else null (no open redirect). The
    /// rules are those of ASP.NET Core's <c>Url.IsLocalUrl</c>: one leading '/' not followed by '/' or '\', and
    /// no control character (browsers drop tabs and line breaks, so <c>/\t/evil.example</c> reads as
    /// <c>//evil.example</c>, another host). Stricter in two ways: no <c>~/</c> form, and printable ASCII only,
    /// which is what the sign-in challenge sends (it escapes the rest) and all a Location header may carry.
    /// </summary>
    private static string? LocalReturnUrl(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || url[1] is not '/' and not '\\') && url.All(c => c is > ' ' and < '\x7f')
            ? url
            : null;
}
