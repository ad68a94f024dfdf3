using System.Globalization;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using ReliefMatch.Storage.Workplace;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The finding search: by name, ID number, rule or 预警编号, narrowed by township (the county chooses; township staff
/// search their own, behind the database's wall), month, rule and status, sorted by month, township, rule or name, 50 to
/// a page; and the same search as a workbook. IDs are masked; the county may ask for them in full, on the page or in the
/// workbook, and that is audited with the search in words; every export is audited.
/// </summary>
public static class FindingPages
{
    public const int PageSize = 50;

    /// <summary>The most findings one workbook holds (the page says so when a search finds more).</summary>
    public const int ExportLimit = 20_000;

    /// <summary>The county's address of old (<c>/county/findings</c>), kept for bookmarks.</summary>
    public static void Map(RouteGroupBuilder county) => county.MapGet("/findings", SearchAsync);

    /// <summary>The search and its export for every signed-in user (<c>/findings</c>).</summary>
    public static void MapSite(IEndpointRouteBuilder app)
    {
        app.MapGet("/findings", SearchAsync);
        app.MapGet("/findings/export.xlsx", ExportAsync);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, FindingQueries queries, RuleTitles titles, TimeProvider time)
    {
        if (PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        var (filter, problem) = Filter.Read(context);
        var form = await FormAsync(context, filter, queries, titles);
        if (problem is not null)
        {
            return PageResults.Page(context, "预警查询", Of($"""{form}<p class="msg" id="search-problem">{problem}</p>"""), StatusCodes.Status400BadRequest);
        }
        var full = PageInput.WantsFullIds(context);
        var page = await queries.PageAsync(filter.Search() with { Offset = (filter.Page - 1) * PageSize, Limit = PageSize }, context.RequestAborted);
        var shown = page.Findings.Select(f => f with { Finding = titles.Apply(f.Finding) }).ToList();
        if (full && shown.Count > 0)
        {
            await WorkplaceAudit.WriteAsync(context, AuditActions.RevealIds, $"{filter.Describe(titles)}，第 {filter.Page} 页", shown.Count, fullIds: true);
        }
        var pages = Math.Max(1, (page.Total + PageSize - 1) / PageSize);
        var county = context.User.IsCounty();
        var reveal = county && !full && shown.Count > 0
            ? Of($"""<a id="reveal" href="/findings{filter.Query(("page", Number(filter.Page)), ("full", "1"))}">显示完整身份证号</a>（将记入审计日志）""")
            : Markup.Empty;
        var export = page.Total == 0 ? Markup.Empty : Of($"""
            <p><a id="export" href="/findings/export.xlsx{filter.Query()}">导出本次查询 (XLSX)</a>{(county ? Of($""" · <a id="export-full" href="/findings/export.xlsx{filter.Query(("full", "1"))}">导出（含完整身份证号，将记入审计日志）</a>""") : Markup.Empty)}
            {(page.Total > ExportLimit ? Of($"""<span class="warn">（只导出前 {ExportLimit} 条，请缩小查询范围）</span>""") : Markup.Empty)}</p>
            """);
        var results = Of($"""
            <p>找到 <b id="found">{page.Total}</b> 条{(page.Total > 0 ? $"，第 {filter.Page} / {pages} 页" : "")}。 {reveal}</p>
            {export}
            {Fragments.FindingTable(shown, full, WorkplaceClock.Today(time), showTownship: county)}
            {PageLinks(filter, pages)}
            """);
        return PageResults.Page(context, "预警查询", Of($"{form}{results}"));
    }

    private static async Task<IResult> ExportAsync(HttpContext context, FindingQueries queries, RuleTitles titles, RuleSet rules)
    {
        if (PageInput.FullIdsRefused(context))
        {
            return PageResults.Forbidden(context);
        }
        var (filter, problem) = Filter.Read(context);
        if (problem is not null)
        {
            return PageResults.BadRequest(context, problem);
        }
        var full = PageInput.WantsFullIds(context);
        var found = await queries.SearchAsync(filter.Search() with { Limit = ExportLimit }, context.RequestAborted);
        var title = filter.Describe(titles);
        var recover = Recoveries.Confirmed(found.Select(f => f.ToRunFinding()), id => rules.Find(id)?.Kind)
            .ToDictionary(r => r.Finding.Finding.Key, r => r.Overpayment.Amount, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        FindingListXlsxWriter.Write(buffer, full ? title : ReliefMatch.Core.Identity.IdText.MaskIds(title), found.Select(f => f with { Finding = titles.Apply(f.Finding) }), full, recover);
        await WorkplaceAudit.WriteAsync(context, AuditActions.ExportFindings, title, found.Count, full);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "预警查询.xlsx");
    }

    private static async Task<Markup> FormAsync(HttpContext context, Filter filter, FindingQueries queries, RuleTitles titles)
    {
        static Markup Option(string value, string text, bool selected) => Of($"""<option value="{value}"{Raw(selected ? " selected" : "")}>{text}</option>""");
        var rules = (await queries.RuleIdsAsync(context.RequestAborted)).Select(r => Option(r, titles.Of(r), r == filter.Rule));
        var months = (await queries.PeriodsAsync(context.RequestAborted)).Select(m => Option(m.ToString(), FindingText.ChineseMonth(m), m == filter.Period));
        var statuses = Enum.GetValues<FindingStatus>().Select(s => Option(s.Id(), s.Chinese(), s == filter.Status));
        var sorts = Enum.GetValues<FindingSort>().Select(s => Option(SortId(s), SortText(s), s == filter.Sort));
        var township = context.User.IsCounty()
            ? Of($"""<label>乡镇 <select name="township" id="township"><option value="">全部</option>{(await queries.TownshipsAsync(context.RequestAborted)).Select(t => Option(t, t, t == filter.Township))}</select></label>""")
            : Markup.Empty;
        return Of($"""
            <form method="get" action="/findings" class="box" id="search-form">
            <label>姓名、身份证号或预警编号 <input name="q" id="q" value="{filter.Text}"></label>
            {township}
            <label>月份 <select name="period" id="period"><option value="">全部</option>{months}</select></label>
            <label>预警类型 <select name="rule" id="rule"><option value="">全部</option>{rules}</select></label>
            <label>状态 <select name="status" id="status"><option value="">全部</option>{statuses}</select></label>
            <label>排序 <select name="sort" id="sort">{sorts}</select></label>
            <button type="submit" id="search">查询</button></form>
            """);
    }

    /// <summary>Links to the first, previous, nearby, next and last pages (none when there is one page).</summary>
    private static Markup PageLinks(Filter filter, int pages)
    {
        if (pages <= 1)
        {
            return Markup.Empty;
        }
        Markup Link(int page, string text, string? id = null) => page == filter.Page
            ? Of($"""<b class="current">{text}</b>""")
            : Of($"""<a href="/findings{filter.Query(("page", Number(page)))}"{Raw(id is null ? "" : $" id=\"{id}\"")}>{text}</a>""");
        var links = new List<Markup>();
        if (filter.Page > 1)
        {
            links.Add(Link(filter.Page - 1, "上一页", "previous"));
        }
        var from = Math.Max(1, filter.Page - 3);
        var to = Math.Min(pages, filter.Page + 3);
        if (from > 1)
        {
            links.Add(Link(1, "1"));
            if (from > 2)
            {
                links.Add(Of($"<span>…</span>"));
            }
        }
        for (var p = from; p <= to; p++)
        {
            links.Add(Link(p, Number(p)));
        }
        if (to < pages)
        {
            if (to < pages - 1)
            {
                links.Add(Of($"<span>…</span>"));
            }
            links.Add(Link(pages, Number(pages)));
        }
        if (filter.Page < pages)
        {
            links.Add(Link(filter.Page + 1, "下一页", "next"));
        }
        return Of($"""<nav class="pages" id="pages">{Join(links.Select(l => Of($"{l} ")))}</nav>""");
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string SortId(FindingSort sort) => sort switch
    {
        FindingSort.Township => "township",
        FindingSort.Rule => "rule",
        FindingSort.Name => "name",
        _ => "month",
    };

    private static string SortText(FindingSort sort) => sort switch
    {
        FindingSort.Township => "按乡镇",
        FindingSort.Rule => "按预警类型",
        FindingSort.Name => "按姓名",
        _ => "按月份（新到旧）",
    };

    /// <summary>
    /// What the query asks, as typed; a township user's township is always their own (whatever the query says). The
    /// page and the export read it the same way.
    /// </summary>
    private sealed record Filter(string? Text, string? Township, ReportingMonth? Period, string? Rule, FindingStatus? Status, FindingSort Sort, int Page)
    {
        public static (Filter Filter, string? Problem) Read(HttpContext context)
        {
            var query = context.Request.Query;
            string? Param(string name) => query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
            string? problem = null;
            FindingStatus? status = null;
            if (Param("status") is { } statusText)
            {
                try
                {
                    status = FindingStatusText.Parse(statusText);
                }
                catch (InvalidDataException)
                {
                    problem = $"未知的状态：{statusText}";
                }
            }
            ReportingMonth? period = null;
            if (Param("period") is { } periodText)
            {
                if (ReportingMonth.TryParse(periodText, out var month))
                {
                    period = month;
                }
                else
                {
                    problem = $"月份应如 2023-07：{periodText}";
                }
            }
            var sort = Enum.GetValues<FindingSort>().FirstOrDefault(s => SortId(s) == Param("sort"));
            var page = int.TryParse(Param("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
            var township = context.User.IsCounty() ? Param("township") : context.User.Township();
            return (new Filter(Param("q"), township, period, Param("rule"), status, sort, page), problem);
        }

        public FindingSearch Search() => new() { Text = Text, Township = Township, Period = Period, RuleId = Rule, Status = Status, Sort = Sort };

        /// <summary>The query string of this filter (the first page) with <paramref name="more"/> added.</summary>
        public string Query(params (string Name, string? Value)[] more) => Links.Query(
        [
            ("q", Text), ("township", Township), ("period", Period?.ToString()), ("rule", Rule), ("status", Status?.Id()),
            ("sort", Sort == FindingSort.Month ? null : SortId(Sort)), .. more,
        ]);

        /// <summary>The search in words, for the audit log and the workbook's title (an ID typed in is masked by the log).</summary>
        public string Describe(RuleTitles titles)
        {
            var parts = new List<string>();
            if (Text is not null)
            {
                parts.Add($"关键词“{Text}”");
            }
            if (Township is not null)
            {
                parts.Add($"乡镇 {Township}");
            }
            if (Period is { } month)
            {
                parts.Add($"月份 {FindingText.ChineseMonth(month)}");
            }
            if (Rule is not null)
            {
                parts.Add($"预警类型 {titles.Of(Rule)}");
            }
            if (Status is { } status)
            {
                parts.Add($"状态 {status.Chinese()}");
            }
            parts.Add(SortText(Sort));
            return "预警查询：" + string.Join("，", parts);
        }
    }
}
