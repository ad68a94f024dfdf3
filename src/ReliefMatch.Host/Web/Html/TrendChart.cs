using System.Globalization;
using System.Text;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using static ReliefMatch.Host.Web.Html.HtmlText;

namespace ReliefMatch.Host.Web.Html;

/// <summary>
/// A month-by-month line chart drawn on the server as inline SVG: no script and nothing fetched, so the pages' content
/// security policy needs nothing for it (colours and sizes are presentation attributes, not styles). Chinese labels,
/// a <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> for screen readers, and the same numbers as a table beside it.
/// A month without a figure is a gap in its line (and a shaded column when no line has one): never drawn as 0.
/// </summary>
public static class TrendChart
{
    private const int Left = 40;
    private const int Right = 12;
    private const int Top = 30;
    private const int Bottom = 36;

    /// <summary>The chart of <paramref name="series"/> over <paramref name="months"/> (oldest first), with its table.</summary>
    /// <param name="id">The chart's element id; its title, description and table get ids made from it.</param>
    public static Markup Render(string id, string title, IReadOnlyList<ReportingMonth> months, IReadOnlyList<TrendSeries> series, int width = 640, int height = 220)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s.Points.Count != months.Count))
        {
            throw new ArgumentException("Every series needs one point per month.", nameof(series));
        }
        var max = NiceMax(series.SelectMany(s => s.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max());
        var plot = new Plot(width, height, months.Count, max);
        var svg = new StringBuilder();
        svg.Append(Of($"""<svg xmlns="http://www.w3.org/2000/svg" id="{id}" class="trend" role="img" aria-labelledby="{id}-title {id}-desc" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="{(width < 480 ? 9 : 11)}" fill="#222">""").Value);
        svg.Append(Of($"""<title id="{id}-title">{title}</title><desc id="{id}-desc">{Description(months, series)}</desc>""").Value);
        AppendGaps(svg, plot, months, series);
        AppendAxes(svg, plot, months, max);
        for (var s = 0; s < series.Count; s++)
        {
            AppendSeries(svg, plot, months, series[s]);
            AppendLegend(svg, s, series[s]);
        }
        svg.Append("</svg>");
        return Of($"""<figure class="trend-chart">{new Markup(svg.ToString())}{Table(id, title, months, series)}</figure>""");
    }

    /// <summary>The top of the value axis: the least of 4, 8, 20, 40, 80, 200… (four equal integer steps of 1, 2 or 5 × 10ⁿ) not below <paramref name="max"/>.</summary>
    public static int NiceMax(int max)
    {
        var step = 1;
        while (step * 4 < max)
        {
            var digits = step.ToString(CultureInfo.InvariantCulture)[0];
            step = digits == '2' ? step / 2 * 5 : step * 2;
        }
        return step * 4;
    }

    /// <summary>The months ending with <paramref name="last"/>, oldest first: <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<ReportingMonth> MonthsEnding(ReportingMonth last, int count = 12) =>
        Enumerable.Range(last.Ordinal - count + 1, count).Select(ReportingMonth.FromOrdinal).ToList();

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static void AppendGaps(StringBuilder svg, Plot plot, IReadOnlyList<ReportingMonth> months, IReadOnlyList<TrendSeries> series)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (series.All(s => s.Points[i].Value is null))
            {
                svg.Append(Of($"""<rect class="gap" x="{Number(plot.X(i) - plot.Column / 2)}" y="{Top}" width="{Number(plot.Column)}" height="{Number(plot.Height)}" fill="#ececec"><title>{FindingText.ChineseMonth(months[i])}：未统计（本月没有比对运行）</title></rect>""").Value);
            }
        }
    }

    private static void AppendAxes(StringBuilder svg, Plot plot, IReadOnlyList<ReportingMonth> months, int max)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max / 4 * tick;
            var y = Number(plot.Y(value));
            svg.Append(Of($"""<line x1="{Left}" x2="{Number(plot.Width - Right)}" y1="{y}" y2="{y}" stroke="{(tick == 0 ? "#888" : "#ddd")}" stroke-width="1"/><text class="tick" x="{Left - 6}" y="{y}" dy="4" text-anchor="end">{value}</text>""").Value);
        }
        for (var i = 0; i < months.Count; i++)
        {
            var x = Number(plot.X(i));
            var year = i == 0 || months[i].Month == 1
                ? Of($"""<text class="year" x="{x}" y="{Number(plot.Height + Top + 28)}" text-anchor="middle" fill="#777">{months[i].Year}年</text>""")
                : Markup.Empty;
            svg.Append(Of($"""<text class="month" x="{x}" y="{Number(plot.Height + Top + 15)}" text-anchor="middle">{months[i].Month}月</text>{year}""").Value);
        }
    }

    private static void AppendSeries(StringBuilder svg, Plot plot, IReadOnlyList<ReportingMonth> months, TrendSeries series)
    {
        var run = new List<string>();
        void EndRun()
        {
            if (run.Count > 1)
            {
                svg.Append(Of($"""<polyline class="line" data-series="{series.Name}" points="{string.Join(" ", run)}" fill="none" stroke="{series.Color}" stroke-width="2"{Raw(series.Dashed ? " stroke-dasharray=\"5 3\"" : "")}/>""").Value);
            }
            run.Clear();
        }
        var points = new StringBuilder();
        for (var i = 0; i < months.Count; i++)
        {
            var point = series.Points[i];
            if (point.Value is not { } value)
            {
                EndRun();
                continue;
            }
            var (x, y) = (Number(plot.X(i)), Number(plot.Y(value)));
            run.Add(x + "," + y);
            var note = point.Note is { } n ? "（" + n + "）" : "";
            points.Append(Of($"""<circle data-series="{series.Name}" data-month="{months[i].ToString()}" cx="{x}" cy="{y}" r="3.5" fill="{(point.Note is null ? series.Color : "#fff")}" stroke="{series.Color}" stroke-width="1.5"><title>{FindingText.ChineseMonth(months[i])} {series.Name} {value} 人{note}</title></circle>""").Value);
        }
        EndRun();
        svg.Append(points);
    }

    private static void AppendLegend(StringBuilder svg, int index, TrendSeries series)
    {
        var x = Left + index * 130;
        svg.Append(Of($"""<line x1="{x}" x2="{x + 18}" y1="12" y2="12" stroke="{series.Color}" stroke-width="2"{Raw(series.Dashed ? " stroke-dasharray=\"5 3\"" : "")}/><text class="legend" x="{x + 23}" y="16">{series.Name}（人）</text>""").Value);
    }

    private static string Description(IReadOnlyList<ReportingMonth> months, IReadOnlyList<TrendSeries> series)
    {
        if (months.Count == 0)
        {
            return "没有月份。";
        }
        var text = new StringBuilder($"{FindingText.ChineseMonth(months[0])}至{FindingText.ChineseMonth(months[^1])}每月{string.Join("、", series.Select(s => s.Name))}人数。");
        var gaps = Enumerable.Range(0, months.Count).Where(i => series.All(s => s.Points[i].Value is null)).Select(i => FindingText.ChineseMonth(months[i])).ToList();
        text.Append(gaps.Count == months.Count ? "这些月份都没有统计。" : gaps.Count > 0 ? $"未统计的月份：{string.Join("、", gaps)}。" : "");
        foreach (var s in series)
        {
            var last = Enumerable.Range(0, months.Count).LastOrDefault(i => s.Points[i].Value is not null, -1);
            if (last >= 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{s.Name}最近一月（{FindingText.ChineseMonth(months[last])}）{s.Points[last].Value} 人。");
            }
        }
        return text.ToString();
    }

    private static Markup Table(string id, string title, IReadOnlyList<ReportingMonth> months, IReadOnlyList<TrendSeries> series)
    {
        static Markup Cell(TrendPoint p) => p.Value is { } v
            ? Of($"""<td class="n">{v}{Raw(p.Note is null ? "" : "*")}</td>""")
            : Of($"""<td class="n muted">未统计</td>""");
        var head = months.Select(m => Of($"<th>{FindingText.ChineseMonth(m)}</th>"));
        var rows = series.Select(s => Of($"""<tr data-series="{s.Name}"><th>{s.Name}</th>{s.Points.Select(Cell)}</tr>"""));
        var notes = series.SelectMany(s => s.Points).Select(p => p.Note).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(n => Of($"""<p class="muted">* {n}</p>"""));
        return Of($"""
            <details><summary>{title}：数据表</summary><div class="wide"><table id="{id}-table"><thead><tr><th>项目</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>{notes}</details>
            """);
    }

    /// <summary>Where a month and a value land inside the chart.</summary>
    private sealed record Plot(int Width, int TotalHeight, int Months, int Max)
    {
        public double Height => TotalHeight - Top - Bottom;

        public double Column => (Width - Left - Right) / (double)Math.Max(1, Months);

        public double X(int month) => Left + (month + 0.5) * Column;

        public double Y(int value) => Top + Height - value * Height / Max;
    }
}

/// <summary>One line of a <see cref="TrendChart"/>: its name (as the legend and the table say it), colour and a point per month.</summary>
public sealed record TrendSeries(string Name, string Color, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>Drawn dashed, to tell it apart without colour.</summary>
    public bool Dashed { get; init; }
}

/// <summary>
/// A month's value of a <see cref="TrendSeries"/>: null when the month has none (a gap, not 0); a value with a
/// <see cref="Note"/> is drawn hollow and the note says what it leaves out.
/// </summary>
public sealed record TrendPoint(int? Value, string? Note = null);
