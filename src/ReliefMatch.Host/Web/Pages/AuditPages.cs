using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>The audit log, newest first, a page at a time: the county reads it; nobody can change it.</summary>
public static class AuditPages
{
    private const int PageSize = 200;

    public static void Map(RouteGroupBuilder county) => county.MapGet("/audit", ListAsync);

    private static async Task<IResult> ListAsync(HttpContext context, AuditLog audit)
    {
        long? before = long.TryParse(context.Request.Query["before"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null;
        var lines = await audit.ListAsync(PageSize, before, context.RequestAborted);
        var rows = lines.Select(l => Of($"""
            <tr data-action="{l.Entry.Action}"><td class="n">{l.Id}</td><td>{WorkplaceClock.Text(l.At)}</td><td>{l.Entry.UserName}</td><td>{l.Entry.Role?.Chinese()}</td><td>{l.Entry.Township}</td>
            <td>{AuditActions.Chinese(l.Entry.Action)}</td><td class="wrap">{l.Entry.Subject}</td><td class="n">{l.Entry.Rows}</td><td>{(l.Entry.FullIds ? "是" : "")}</td><td>{l.Entry.Address}</td></tr>
            """));
        var older = lines.Count == PageSize ? Of($"""<p><a href="/county/audit?before={lines[^1].Id}">更早的记录</a></p>""") : Markup.Empty;
        var content = Of($"""
            <p class="muted">日志只能追加，数据库拒绝任何修改或删除。</p>
            <table id="audit"><thead><tr><th>编号</th><th>时间</th><th>用户</th><th>角色</th><th>乡镇</th><th>操作</th><th>对象</th><th>行数</th><th>完整身份证号</th><th>地址</th></tr></thead>
            <tbody>{rows}</tbody></table>{older}
            """);
        return PageResults.Page(context, "审计日志", content);
    }
}
