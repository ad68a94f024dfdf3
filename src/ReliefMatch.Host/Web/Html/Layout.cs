using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ReliefMatch.Host.Web.Accounts;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Html;

/// <summary>
/// The frame of every page: a small inline style sheet (no CDN: the office network is closed), the navigation
/// the signed-in user's role allows, and the page's content. No script at all.
/// </summary>
public static class Layout
{
    private const string Style = """
        body{font-family:"Microsoft YaHei","微软雅黑","SimSun","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f6f4;font-size:14px}
        header{background:#8b1a1a;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none}header a:hover{text-decoration:underline}
        header .me{margin-left:auto}header form{display:inline}header button{background:none;border:1px solid #fff;color:#fff;cursor:pointer}
        main{padding:12px 16px;max-width:1400px;box-sizing:border-box}
        h1{font-size:20px;margin:8px 0 12px}h2{font-size:16px;margin:18px 0 8px}
        table{border-collapse:collapse;background:#fff;margin:6px 0;display:block;width:max-content;max-width:100%;overflow-x:auto}
        th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;white-space:nowrap}
        td.wrap{white-space:normal;min-width:14em;max-width:36em}
        code{word-break:break-all}
        th{background:#e8e4dc}td.n{text-align:right}
        .box{background:#fff;border:1px solid #ccc;padding:10px 14px;margin:8px 0}
        .counts span{display:inline-block;margin-right:18px}.counts b{font-size:18px}
        .warn{color:#a00}.ok{color:#070}.muted{color:#777}
        .msg{padding:8px 12px;margin:8px 0;border:1px solid #d9b; background:#fdf}
        .msg.good{border-color:#9c9;background:#efe}
        label{margin-right:10px}input,select,button{font-size:14px;max-width:100%}
        tr.overdue td{background:#fff1f0}
        figure.trend-chart{margin:6px 0}svg.trend{max-width:100%;height:auto;background:#fff;border:1px solid #ccc}
        .trends{display:flex;flex-wrap:wrap;gap:8px}.trends figure{width:330px}
        nav.pages a,nav.pages b{margin-right:6px}
        @media (max-width:600px){header{padding:6px 10px;gap:6px 12px}header .me{margin-left:0}main{padding:8px 10px}h1{font-size:18px}
        label{display:inline-block;margin:3px 10px 3px 0}.counts span{margin-right:10px}.box{padding:8px 10px}}
        """;

    /// <summary>A whole page.</summary>
    /// <param name="head">What the page adds to its head (e.g. a refresh while a run is under way).</param>
    public static Markup Page(ClaimsPrincipal user, string title, Markup content, Markup signOutForm = default, Markup head = default)
    {
        var page = Of($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - 社会救助数据比对预警</title><style>{Raw(Style)}</style>{head}</head>
            <body><header><strong>社会救助数据比对预警</strong>{Navigation(user, signOutForm)}</header>
            <main><h1>{title}</h1>{content}</main></body></html>
            """);
        return page;
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static Markup AntiforgeryField(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Of($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    /// <summary>The sign-out button (a form: signing out changes state, so it is a POST with its token).</summary>
    public static Markup SignOutForm(HttpContext context) =>
        Of($"""<form method="post" action="/logout">{AntiforgeryField(context)}<button type="submit">退出</button></form>""");

    private static Markup Navigation(ClaimsPrincipal user, Markup signOutForm)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Markup.Empty;
        }
        var links = new StringBuilder();
        if (user.IsCounty())
        {
            links.Append(Of($"""<a href="/county">各乡镇进度</a><a href="/county/upload">上传比对数据</a><a href="/county/imports">导入记录</a><a href="/county/months">月份</a><a href="/county/runs">比对运行</a><a href="/findings">预警查询</a><a href="/county/statistics">统计表</a><a href="/county/samples">低保抽样</a><a href="/county/accuracy">规则准确率</a><a href="/county/due-lists">核对名单</a><a href="/county/audit">审计日志</a><a href="/county/users">用户管理</a><a href="/hangfire">任务面板</a>""").Value);
        }
        else if (user.Township() is { } township)
        {
            links.Append(Of($"""<a href="{Links.Township(township)}">本乡镇核查清单</a><a href="/findings">预警查询</a>""").Value);
        }
        var role = user.IsCounty() ? "县级" : user.Township();
        links.Append(Of($"""<span class="me">{user.Identity.Name}（{role}）{signOutForm}</span>""").Value);
        return new Markup(links.ToString());
    }
}
