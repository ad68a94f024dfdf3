using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The county searches all findings by name, ID number, rule or 预警编号, narrowed by township and status. IDs
/// are masked; showing them in full is a separate request, written to the audit log with the number of rows.
/// </summary>
public static class FindingPages
{
    private const int Limit = 200;

    public static void Map(RouteGroupBuilder county) => county.MapGet("/findings", SearchAsync);

    private static async Task<IResult> SearchAsync(HttpContext context, FindingQueries queries, RuleTitles titles, TimeProvider time)
    {
        var query = context.Request.Query;
        string? Param(string name) => query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var text = Param("q");
        var rule = Param("rule");
        var township = Param("township");
        var statusText = Param("status");
        FindingStatus? status = null;
        if (statusText is not null)
        {
            try
            {
                status = FindingStatusText.Parse(statusText);
            }
            catch (InvalidDataException)
            {
                return PageResults.BadRequest(context, "未知的状态。");
            }
        }
        var full = PageInput.WantsFullIds(context);
        var asked = text is not null || rule is not null || township is not null || status is not null;
        var found = asked
            ? await queries.SearchAsync(new FindingSearch { Text = text, RuleId = rule, Township = township, Status = status, Limit = Limit + 1 }, context.RequestAborted)
            : [];
        var shown = found.Take(Limit).Select(f => f with { Finding = titles.Apply(f.Finding) }).ToList();
        if (full && shown.Count > 0)
        {
            await WorkplaceAudit.WriteAsync(context, AuditActions.RevealIds,
                $"预警查询 {Links.Query(("q", text), ("rule", rule), ("township", township), ("status", statusText))}", shown.Count, fullIds: true);
        }

        var rules = (await queries.RuleIdsAsync(context.RequestAborted))
            .Select(r => Of($"""<option value="{r}"{Raw(r == rule ? " selected" : "")}>{titles.Of(r)}</option>"""));
        var statuses = Enum.GetValues<FindingStatus>()
            .Select(s => Of($"""<option value="{s.Id()}"{Raw(s == status ? " selected" : "")}>{s.Chinese()}</option>"""));
        var form = Of($"""
            <form method="get" action="/county/findings" class="box">
            <label>姓名、身份证号或预警编号 <input name="q" id="q" value="{text}"></label>
            <label>预警类型 <select name="rule" id="rule"><option value="">全部</option>{rules}</select></label>
            <label>乡镇 <input name="township" id="township" value="{township}" size="8"></label>
            <label>状态 <select name="status" id="status"><option value="">全部</option>{statuses}</select></label>
            <button type="submit" id="search">查询</button></form>
            """);
        Markup results;
        if (!asked)
        {
            results = Of($"""<p class="muted">输入条件后查询。</p>""");
        }
        else
        {
            var more = found.Count > Limit ? Of($"""<p class="muted">只列出前 {Limit} 条，请缩小查询范围。</p>""") : Markup.Empty;
            var reveal = !full && shown.Count > 0
                ? Of($"""<p><a id="reveal" href="/county/findings{Links.Query(("q", text), ("rule", rule), ("township", township), ("status", statusText), ("full", "1"))}">显示完整身份证号</a>（将记入审计日志）</p>""")
                : Markup.Empty;
            results = Of($"""<p>找到 <b id="found">{shown.Count}</b> 条。</p>{reveal}{Fragments.FindingTable(shown, full, WorkplaceClock.Today(time), showTownship: true)}{more}""");
        }
        return PageResults.Page(context, "预警查询", Of($"{form}{results}"));
    }
}
