using System.Globalization;
using ReliefMatch.Core.Findings;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Host.Web.Worklists;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// 应追回资金 of a month, on the county's month page (every township and the county total) and on a township's page (its
/// own): per township the persons, months and money of the confirmed findings that concern payments after a death, and
/// each person with the months paid. IDs masked 6+4: the section is read by townships too.
/// </summary>
public static class RecoverySection
{
    public static Markup Render(MonthRecovery recovery, RuleTitles titles, bool showTownships)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(titles);
        var explanation = Of($"""
            <p class="muted">核查属实的“死亡后仍发放救助金”预警（及同一人同月的“死亡人员仍在享受救助”预警）：死亡次月起至{FindingText.ChineseMonth(recovery.Period)}多发的救助金，每人只计一次；死亡当月的发放不计，待核查和不属实的预警不计。</p>
            """);
        if (recovery.Confirmed.Count == 0)
        {
            return Of($"""<div class="box" id="recovery"><h2>应追回资金</h2>{explanation}<p class="ok" id="no-recovery">本月没有核查属实的应追回资金。</p></div>""");
        }
        var townships = showTownships
            ? Of($"""
                <table id="recovery-townships"><thead><tr><th>乡镇</th><th>人数</th><th>月数</th><th>应追回金额（元）</th></tr></thead><tbody>
                {recovery.Townships.Select(t => Of($"""<tr data-township="{t.Township}"><td>{t.Township}</td><td class="n">{t.Persons}</td><td class="n">{t.Months}</td><td class="n">{Overpayment.Money(t.Amount)}</td></tr>"""))}
                <tr id="recovery-total" data-amount="{Data(recovery.Total)}"><th>合计</th><td class="n">{recovery.Townships.Sum(t => t.Persons)}</td><td class="n">{recovery.Townships.Sum(t => t.Months)}</td><td class="n"><b>{Overpayment.Money(recovery.Total)}</b></td></tr>
                </tbody></table>
                """)
            : Of($"""<p id="recovery-total" data-amount="{Data(recovery.Total)}">合计 {recovery.Confirmed.Count} 人，<b>{Overpayment.Money(recovery.Total)}</b> 元。</p>""");
        var persons = recovery.Confirmed.Select(r => Of($"""
            <tr data-reference="{r.Finding.Finding.Reference}">{(showTownships ? Of($"<td>{r.Finding.Finding.Township}</td>") : Markup.Empty)}<td>{r.Finding.Finding.Village}</td><td>{r.Finding.Finding.Name}</td>
            <td>{PageInput.Id(r.Finding.Finding.IdNumber, full: false)}</td><td>{titles.Of(r.Finding.Finding.RuleId)}</td><td>{string.Join("、", r.Overpayment.Months)}</td>
            <td class="n">{Overpayment.Money(r.Overpayment.Amount)}</td><td><a href="{Links.Finding(r.Finding.Finding.Reference, period: recovery.Period)}">{r.Finding.Finding.Reference}</a></td></tr>
            """));
        var townshipHeader = showTownships ? Raw("<th>乡镇</th>") : Markup.Empty;
        return Of($"""
            <div class="box" id="recovery"><h2>应追回资金</h2>{explanation}{townships}
            <table id="recovery-persons"><thead><tr>{townshipHeader}<th>村</th><th>姓名</th><th>身份证号</th><th>预警类型</th><th>多发月份</th><th>金额（元）</th><th>预警编号</th></tr></thead>
            <tbody>{persons}</tbody></table></div>
            """);
    }

    /// <summary>The month's figure as a number for an element's data attribute (invariant, two decimals).</summary>
    public static string Data(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
