using ReliefMatch.Host.Web.Html;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>How pages answer: a whole HTML page, or a short page for a refusal.</summary>
public static class PageResults
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static IResult Page(HttpContext context, string title, Markup content, int status = StatusCodes.Status200OK, Markup head = default)
    {
        var signOut = context.User.Identity?.IsAuthenticated == true ? Layout.SignOutForm(context) : Markup.Empty;
        return Results.Content(Layout.Page(context.User, title, content, signOut, head).Value, HtmlContentType, System.Text.Encoding.UTF8, status);
    }

    /// <summary>403: the page or file exists but is not this user's to see. Says nothing about what is there.</summary>
    public static IResult Forbidden(HttpContext context) =>
        Page(context, "无权访问", Of($"""<p class="warn">您的账户无权查看此页面或文件。</p><p><a href="/">返回首页</a></p>"""), StatusCodes.Status403Forbidden);

    public static IResult NotFound(HttpContext context) =>
        Page(context, "未找到", Of($"""<p>没有这个页面或文件。</p><p><a href="/">返回首页</a></p>"""), StatusCodes.Status404NotFound);

    public static IResult BadRequest(HttpContext context, string message) =>
        Page(context, "请求无效", Of($"""<p class="warn">{message}</p><p><a href="/">返回首页</a></p>"""), StatusCodes.Status400BadRequest);
}
