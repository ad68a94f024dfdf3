using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Host.Web.Html;
using ReliefMatch.Storage.Statistics;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Pages;

/// <summary>
/// The twelve-month trend of 数据预警 and 标记 persons that the county home (the county and each township) and a township's
/// page (its own) show, drawn from the figures each month's latest run counted (<see cref="MonthFigureStore"/>).
/// </summary>
public static class MonthTrends
{
    private const string DataWarningColor = "#8b1a1a";
    private const string TagsColor = "#1f5fa8";

    /// <summary>The county's chart and one smaller chart per township, for the twelve months ending with <paramref name="last"/>.</summary>
    public static async Task<Markup> CountyAsync(HttpContext context, ReportingMonth last, IReadOnlyList<string> townships)
    {
        var months = TrendChart.MonthsEnding(last);
        var figures = await context.RequestServices.GetRequiredService<MonthFigureStore>().LoadAsync(months[0], months[^1], null, context.RequestAborted);
        var byTownship = figures.ToLookup(f => f.Township, StringComparer.Ordinal);
        var names = townships.Concat(figures.Select(f => f.Township).Where(t => t.Length > 0)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var small = names.Select((t, i) => Chart($"trend-township-{i + 1}", $"{t}近12个月数据预警、标记人数", months, byTownship[t], 320, 170));
        return Of($"""
            <h2>近12个月趋势</h2>
            {Note()}
            <div id="trend">{Chart("trend-county", "全县近12个月数据预警、标记人数", months, byTownship[MonthFigureStore.County], 640, 220)}</div>
            <div id="trend-townships" class="trends">{small}</div>
            """);
    }

    /// <summary>A township's chart for the twelve months ending with <paramref name="last"/>.</summary>
    public static async Task<Markup> TownshipAsync(HttpContext context, ReportingMonth last, string township)
    {
        var months = TrendChart.MonthsEnding(last);
        var figures = await context.RequestServices.GetRequiredService<MonthFigureStore>().LoadAsync(months[0], months[^1], township, context.RequestAborted);
        return Of($"""
            <h2>近12个月趋势</h2>
            {Note()}
            <div id="trend">{Chart("trend-township", $"{township}近12个月数据预警、标记人数", months, figures, 640, 220)}</div>
            """);
    }

    private static Markup Note() => Of($"""
        <p class="muted">每月当月首次标记的人数，按该月最近一次比对运行统计；灰色为未统计的月份（没有比对运行），不是 0。空心点：部分标记项本月缺少数据来源，只计有来源的项。</p>
        """);

    private static Markup Chart(string id, string title, IReadOnlyList<ReportingMonth> months, IEnumerable<MonthFigure> figures, int width, int height)
    {
        var byMonth = figures.ToDictionary(f => f.Period);
        var dataWarning = months.Select(m => new TrendPoint(byMonth.TryGetValue(m, out var f) ? f.DataWarning : null)).ToList();
        var tags = months.Select(m => byMonth.TryGetValue(m, out var f) ? new TrendPoint(f.Tags, Lacking(f)) : new TrendPoint(null)).ToList();
        return TrendChart.Render(id, title, months,
            [new TrendSeries("数据预警", DataWarningColor, dataWarning), new TrendSeries("标记", TagsColor, tags) { Dashed = true }], width, height);
    }

    /// <summary>What a partly counted 标记 figure leaves out, by the sheet's words; null when every tag was counted.</summary>
    private static string? Lacking(MonthFigure figure)
    {
        if (figure.Tags is null || figure.TagsLacking.Count == 0)
        {
            return null;
        }
        var words = SheetCells.Tags.Where(c => figure.TagsLacking.Contains(c.Key, StringComparer.Ordinal)).Select(c => c.Words.Replace("对象标记", "", StringComparison.Ordinal).Replace("标记", "", StringComparison.Ordinal));
        return $"不含缺少数据来源的{string.Join("、", words)}";
    }
}
