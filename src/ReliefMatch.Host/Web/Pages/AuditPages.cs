using System.Globalization;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The audit log, newest first, a page at a time, narrowed by user, action and a span of China calendar dates (a GET
/// form, so a filtered page is a link): the county reads it; nobody can change it.
/// </summary>
public static class AuditPages
{
    private const int PageSize = 200;

    public static void Map(RouteGroupBuilder county) => county.MapGet("/audit", ListAsync);

    private static async Task<IResult> ListAsync(HttpContext context, AuditLog audit)
    {
        var query = context.Request.Query;
        string? Param(string name) => query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var (user, action, fromText, toText) = (Param("user"), Param("action"), Param("from"), Param("to"));
        long? before = long.TryParse(Param("before"), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        var problems = new List<string>();
        var from = Date(fromText, "起始日期", problems);
        var to = Date(toText, "截止日期", problems);
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            problems.Add($"未知的操作：{action}");
        }
        if (from is { } f && to is { } t && t < f)
        {
            problems.Add("截止日期早于起始日期。");
        }
        var form = Form(user, action, fromText, toText);
        if (problems.Count > 0)
        {
            var messages = problems.Select(p => Of($"<li>{p}</li>"));
            return PageResults.Page(context, "审计日志", Of($"""{form}<ul class="msg" id="audit-problems">{messages}</ul>"""), StatusCodes.Status400BadRequest);
        }

        var lines = await audit.ListAsync(new AuditQuery
        {
            UserName = user,
            Action = action,
            From = from is { } start ? StartOf(start) : null,
            Until = to is { } end ? StartOf(end.AddDays(1)) : null,
            Before = before,
            Limit = PageSize,
        }, context.RequestAborted);
        var rows = lines.Select(l => Of($"""
            <tr data-action="{l.Entry.Action}"><td class="n">{l.Id}</td><td>{WorkplaceClock.Text(l.At)}</td><td>{l.Entry.UserName}</td><td>{l.Entry.Role?.Chinese()}</td><td>{l.Entry.Township}</td>
            <td>{AuditActions.Chinese(l.Entry.Action)}</td><td class="wrap">{l.Entry.Subject}</td><td class="n">{l.Entry.Rows}</td><td>{(l.Entry.FullIds ? "是" : "")}</td><td>{l.Entry.Address}</td></tr>
            """));
        var filter = new (string, string?)[] { ("user", user), ("action", action), ("from", fromText), ("to", toText) };
        var pages = new List<Markup>();
        if (before is not null)
        {
            pages.Add(Of($"""<a id="newest" href="/county/audit{Links.Query(filter)}">最新的记录</a>"""));
        }
        if (lines.Count == PageSize)
        {
            pages.Add(Of($"""<a id="older" href="/county/audit{Links.Query([.. filter, ("before", lines[^1].Id.ToString(CultureInfo.InvariantCulture))])}">更早的记录</a>"""));
        }
        var table = lines.Count == 0
            ? Of($"""<p class="muted" id="audit-none">没有符合条件的记录。</p>""")
            : Of($"""
                <table id="audit"><thead><tr><th>编号</th><th>时间</th><th>用户</th><th>角色</th><th>乡镇</th><th>操作</th><th>对象</th><th>行数</th><th>完整身份证号</th><th>地址</th></tr></thead>
                <tbody>{rows}</tbody></table>
                """);
        var content = Of($"""
            {form}
            <p class="muted">日志只能追加，数据库拒绝任何修改或删除。日期按北京时间。</p>
            {table}<p>{Join(pages.Select((p, i) => i == 0 ? p : Of($" · {p}")))}</p>
            """);
        return PageResults.Page(context, "审计日志", content);
    }

    private static Markup Form(string? user, string? action, string? from, string? to)
    {
        var actions = AuditActions.All.Select(a => Of($"""<option value="{a}"{Raw(a == action ? " selected" : "")}>{AuditActions.Chinese(a)}</option>"""));
        return Of($"""
            <form method="get" action="/county/audit" class="box" id="audit-filter">
            <label>用户 <input name="user" id="user" value="{user}" size="10"></label>
            <label>操作 <select name="action" id="action"><option value="">全部</option>{actions}</select></label>
            <label>从 <input type="date" name="from" id="from" value="{from}"></label>
            <label>到 <input type="date" name="to" id="to" value="{to}"></label>
            <button type="submit" id="filter">筛选</button></form>
            """);
    }

    /// <summary>A date of the form, or null when empty; a bad one is named in <paramref name="problems"/>.</summary>
    private static DateOnly? Date(string? text, string label, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add($"“{label}”不是有效日期（应如 2023-07-12）：{text}");
        return null;
    }

    /// <summary>The first instant of a calendar day in China.</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local));
    }
}
