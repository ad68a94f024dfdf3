using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The county's <c>/county/accuracy</c>: each rule's measured accuracy in a month (from the townships' returned outcomes:
/// 属实, 不属实, 未核查, precision 属实 / (属实 + 不属实) with its n, per township, the 不属实 reasons grouped), the same
/// precision over the last months, and the control list's miss rate with its n; and the summary the county home shows.
/// Counts and grouped reasons only, IDs in reasons masked.
/// </summary>
public static class AccuracyPages
{
    /// <summary>How many months the month-by-month table shows, ending with the month chosen.</summary>
    private const int Months = 6;

    public static void Map(RouteGroupBuilder county) => county.MapGet("/accuracy", PageAsync);

    private static async Task<IResult> PageAsync(HttpContext context, RuleSet rules, RuleTitles titles)
    {
        var (period, known) = await PageInput.PeriodAsync(context);
        var month = await LoadAsync(context, rules, period);
        var earlier = known.Where(m => m <= period).OrderByDescending(m => m).Take(Months).OrderBy(m => m).ToList();
        var history = new List<MonthAccuracy>();
        foreach (var m in earlier)
        {
            history.Add(m == period ? month : await LoadAsync(context, rules, m));
        }
        var sections = month.Rules.Select((rule, i) => RuleSection(rule, titles.Of(rule.RuleId), i + 1));
        var content = Of($"""
            {Fragments.MonthForm(Links.Accuracy(), period, known)}
            <p>准确率 = 属实 ÷（属实 + 不属实），按乡镇对{FindingText.ChineseMonth(period)}比对产生的预警登记的核查结果计算；n 为已有核查结果的预警数，未核查的不计入。
            漏报率 = 对照抽查中“有问题”的人数 ÷ 已核查的抽查人数；对照抽查每月从各乡镇在册、但当月没有任何预警的人员中随机抽取（每乡镇 {rules.ControlList.PerTownship} 人）。</p>
            <h2>{FindingText.ChineseMonth(period)}各规则准确率</h2>
            {RuleTable(month, titles, "accuracy-rules")}
            <h2>对照抽查漏报率</h2>
            {ControlSection(month)}
            <h2>逐月准确率（近{Months}个月）</h2>
            {HistoryTable(history, month.Rules.Select(r => r.RuleId).ToList(), titles)}
            <h2>各规则分乡镇</h2>
            {sections}
            """);
        return PageResults.Page(context, "规则准确率", content);
    }

    /// <summary>The county home's block: per rule, precision with n; the control list's miss rate with n; a link to the page.</summary>
    public static async Task<Markup> SummaryAsync(HttpContext context, ReportingMonth period)
    {
        var services = context.RequestServices;
        var month = await LoadAsync(context, services.GetRequiredService<RuleSet>(), period);
        var controls = month.HasControlList
            ? Of($"""<p id="home-miss-rate">对照抽查漏报率：<b>{MonthAccuracy.Percent(month.Controls.MissRate)}</b>（n = {month.Controls.Answered}，抽查 {month.Controls.Total} 人，未核查 {month.Controls.Open} 人）</p>""")
            : Of($"""<p class="muted" id="home-miss-rate">本月没有对照抽查名单。</p>""");
        return Of($"""
            <h2>{FindingText.ChineseMonth(period)}规则准确率</h2>
            {RuleTable(month, services.GetRequiredService<RuleTitles>(), "home-accuracy")}
            {controls}
            <p><a id="accuracy-link" href="{Links.Accuracy(period)}">分乡镇、逐月准确率和不属实理由</a></p>
            """);
    }

    private static Task<MonthAccuracy> LoadAsync(HttpContext context, RuleSet rules, ReportingMonth period) =>
        MonthAccuracy.LoadAsync(context.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>(), context.RequestServices.GetRequiredService<TimeProvider>(),
            rules, period, context.RequestAborted);

    private static Markup RuleTable(MonthAccuracy month, RuleTitles titles, string id)
    {
        var rows = month.Rules.Select(r => Of($"""
            <tr data-rule="{r.RuleId}"><td>{titles.Of(r.RuleId)}</td>{TallyCells(r.Total)}</tr>
            """));
        var total = month.Rules.Aggregate(OutcomeTally.Zero, (sum, r) => sum.Plus(r.Total));
        return Of($"""
            <table id="{id}"><thead><tr><th>规则</th><th>预警</th><th>属实</th><th>不属实</th><th>未核查</th><th>准确率</th><th>n</th></tr></thead>
            <tbody>{rows}</tbody><tfoot><tr><th>合计</th>{TallyCells(total)}</tr></tfoot></table>
            """);
    }

    private static Markup TallyCells(OutcomeTally t) => Of($"""
        <td class="n">{t.Total}</td><td class="n">{t.Confirmed}</td><td class="n">{t.Dismissed}</td><td class="n">{t.Open}</td>
        <td class="n precision">{MonthAccuracy.Percent(t.Precision)}</td><td class="n">{t.Answered}</td>
        """);

    private static Markup RuleSection(RuleAccuracy rule, string title, int index)
    {
        var townships = rule.Townships.Count == 0
            ? Of($"""<p class="muted">本月没有该规则的预警。</p>""")
            : Of($"""
                <table class="rule-townships"><thead><tr><th>乡镇</th><th>预警</th><th>属实</th><th>不属实</th><th>未核查</th><th>准确率</th><th>n</th></tr></thead>
                <tbody>{rule.Townships.Select(t => Of($"""<tr data-township="{t.Key}"><td>{t.Key}</td>{TallyCells(t.Value)}</tr>"""))}</tbody></table>
                """);
        return Of($"""
            <div class="box" id="rule-{index}" data-rule="{rule.RuleId}"><h3>{title}</h3>{townships}
            <h4>不属实理由</h4>{Reasons(rule.Reasons, "reasons-" + index)}</div>
            """);
    }

    private static Markup Reasons(IReadOnlyList<ReasonCount> reasons, string id) =>
        reasons.Count == 0
            ? Of($"""<p class="muted" id="{id}">无。</p>""")
            : Of($"""<table id="{id}"><thead><tr><th>理由（已归并）</th><th>条数</th></tr></thead><tbody>{reasons.Select(r => Of($"""<tr><td class="wrap">{r.Reason}</td><td class="n">{r.Count}</td></tr>"""))}</tbody></table>""");

    private static Markup ControlSection(MonthAccuracy month)
    {
        if (!month.HasControlList)
        {
            return Of($"""<p class="muted" id="controls">本月没有对照抽查名单（每月比对运行后抽取）。</p>""");
        }
        var rows = month.ControlTownships.Select(t => Of($"""<tr data-township="{t.Key}"><td>{t.Key}</td>{ControlCells(t.Value)}</tr>"""));
        return Of($"""
            <table id="controls"><thead><tr><th>乡镇</th><th>抽查</th><th>有问题</th><th>无问题</th><th>未核查</th><th>漏报率</th><th>n</th></tr></thead>
            <tbody>{rows}</tbody><tfoot><tr><th>合计</th>{ControlCells(month.Controls)}</tr></tfoot></table>
            <h4>对照抽查发现的问题</h4>{Reasons(month.ControlProblems, "control-problems")}
            """);
    }

    private static Markup ControlCells(ControlTally t) => Of($"""
        <td class="n">{t.Total}</td><td class="n">{t.Problem}</td><td class="n">{t.NoProblem}</td><td class="n">{t.Open}</td>
        <td class="n miss-rate">{MonthAccuracy.Percent(t.MissRate)}</td><td class="n">{t.Answered}</td>
        """);

    private static Markup HistoryTable(IReadOnlyList<MonthAccuracy> months, IReadOnlyList<string> ruleIds, RuleTitles titles)
    {
        if (months.Count == 0)
        {
            return Of($"""<p class="muted">还没有比对过的月份。</p>""");
        }
        var header = months.Select(m => Of($"<th>{FindingText.ChineseMonth(m.Period)}</th>"));
        var rows = ruleIds.Select(id => Of($"""
            <tr data-rule="{id}"><td>{titles.Of(id)}</td>{months.Select(m => Cell(m.Rules.FirstOrDefault(r => r.RuleId == id)?.Total ?? OutcomeTally.Zero))}</tr>
            """));
        var controls = months.Select(m => m.HasControlList
            ? Of($"""<td class="n">{MonthAccuracy.Percent(m.Controls.MissRate)}<br><span class="muted">n={m.Controls.Answered}</span></td>""")
            : Of($"""<td class="n muted">—</td>"""));
        return Of($"""
            <table id="accuracy-history"><thead><tr><th>规则</th>{header}</tr></thead><tbody>{rows}</tbody>
            <tfoot><tr><th>对照抽查漏报率</th>{controls}</tr></tfoot></table>
            """);
    }

    private static Markup Cell(OutcomeTally t) =>
        Of($"""<td class="n">{MonthAccuracy.Percent(t.Precision)}<br><span class="muted">n={t.Answered}</span></td>""");
}
