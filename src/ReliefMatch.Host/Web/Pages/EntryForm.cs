using System.Globalization;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Web.Html;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The form on a township's month page for the 统计表 cells no source can count (docs/statistics.md): the meeting date and
/// the five counts of the conduct campaign. A field left empty is not entered (blank on the sheet); 0 says nothing
/// happened. Bad values come back with a message naming the cell and the value.
/// </summary>
public static class EntryForm
{
    public const string MeetingField = SheetCells.MeetingOn;

    /// <summary>The largest count the form takes: more in one township in one month is a typing slip.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Reads the posted fields: the entries, or the problems in Chinese (one per bad field).</summary>
    public static (TownshipEntries? Entries, IReadOnlyList<string> Problems) Parse(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<string>();
        DateOnly? meeting = null;
        var meetingText = form[MeetingField].ToString().Trim();
        if (meetingText.Length > 0)
        {
            if (DateOnly.TryParseExact(meetingText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            {
                meeting = d;
            }
            else
            {
                problems.Add($"“召开会议日期”不是有效日期（应如 2023-07-12）：{meetingText}");
            }
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in SheetCells.EnteredCounts)
        {
            var text = form[cell.Key].ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxCount)
            {
                counts[cell.Key] = n;
            }
            else
            {
                problems.Add($"“{cell.Words}”须填 0 到 {MaxCount} 的整数：{text}");
            }
        }
        return problems.Count > 0 ? (null, problems) : (new TownshipEntries(meeting, counts), problems);
    }

    /// <summary>The form, filled with <paramref name="values"/> (what was saved, or what was posted back with problems).</summary>
    /// <param name="published">The county has published the month: the entries are shown, no longer editable.</param>
    public static Markup Render(HttpContext context, string township, ReportingMonth period, Func<string, string> values, IReadOnlyList<string> problems, bool saved,
        bool published = false)
    {
        if (published)
        {
            var shown = SheetCells.EnteredCounts.Select(c => Of($"""<label>{c.Words} <input type="number" name="{c.Key}" id="entry-{c.Key}" value="{values(c.Key)}" disabled></label> """));
            return Of($"""
                <div class="box" id="entries"><h2>{Outputs.FindingText.ChineseMonth(period)}统计表乡镇填报</h2>
                <p class="muted" id="entries-published">县民政局已上报本月统计表，填报的数字不能再修改；如需更正，请联系县民政局。</p>
                <label>召开会议部署的日期 <input type="date" name="{MeetingField}" id="entry-{MeetingField}" value="{values(MeetingField)}" disabled></label>
                {shown}</div>
                """);
        }
        var messages = problems.Select(p => Of($"""<li>{p}</li>"""));
        var problemList = problems.Count > 0 ? Of($"""<ul class="msg warn" id="entries-problems">{messages}</ul>""") : Markup.Empty;
        var savedNote = saved && problems.Count == 0 ? Of($"""<p class="ok" id="entries-saved">已保存。</p>""") : Markup.Empty;
        var fields = SheetCells.EnteredCounts.Select(c => Of($"""
            <label>{c.Words} <input type="number" min="0" max="{MaxCount.ToString(CultureInfo.InvariantCulture)}" step="1" name="{c.Key}" id="entry-{c.Key}" value="{values(c.Key)}"></label>
            """));
        return Of($"""
            <div class="box" id="entries"><h2>{Outputs.FindingText.ChineseMonth(period)}统计表乡镇填报</h2>
            <p class="muted">以下数字无法从数据中统计，由乡镇填报；不填的留空（统计表上为空白），没有发生的填 0。保存后计入当月统计表，并记入审计日志。</p>
            {problemList}{savedNote}
            <form method="post" action="{Links.Entries(township, period)}">
            {Layout.AntiforgeryField(context)}
            <label>召开会议部署的日期 <input type="date" name="{MeetingField}" id="entry-{MeetingField}" value="{values(MeetingField)}"></label>
            {fields}
            <button type="submit" id="save-entries">保存</button></form></div>
            """);
    }

    /// <summary>The field values of saved entries, as the form shows them.</summary>
    public static Func<string, string> Values(TownshipEntries? entries) => key =>
        entries is null ? ""
        : key == MeetingField ? entries.MeetingOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""
        : entries.Counts.TryGetValue(key, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>The audit log's subject for a save: the township, the month and what was entered.</summary>
    public static string AuditSubject(string township, ReportingMonth period, TownshipEntries entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var parts = new List<string>();
        if (entries.MeetingOn is { } d)
        {
            parts.Add("会议 " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        parts.AddRange(SheetCells.EnteredCounts.Where(c => entries.Counts.ContainsKey(c.Key))
            .Select(c => $"{c.Key}={entries.Counts[c.Key].ToString(CultureInfo.InvariantCulture)}"));
        return $"{township} {period} 统计表填报：{(parts.Count == 0 ? "全部清空" : string.Join("，", parts))}";
    }
}
