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

    private static async Task<IResult> SignInAsync(HttpContext context, SignInService signIn)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString();
        var outcome = await signIn.SignInAsync(name, form["password"].ToString(), context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (outcome.User is not { } user)
        {
            return LoginPage(context, outcome.Refusal, name.Trim(), StatusCodes.Status401Unauthorized);
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, WorkplaceClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Redirect(LocalReturnUrl(context.Request.Query["ReturnUrl"].ToString()) ?? "/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await WorkplaceAudit.WriteAsync(context, AuditActions.SignOut, "");
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }

    /// <summary>Only a path of this site is followed after sign-in (never another host: no open redirect).</summary>
    private static string? LocalReturnUrl(string url) =>
        url.Length > 1 && url[0] == '/' && url[1] is not '/' and not '\\' ? url : url == "/" ? "/" : null;
}
