using System.Globalization;
using System.Xml.Linq;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Web.Html;

namespace ReliefMatch.Tests.Host.Web.Html;

public class TrendChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly IReadOnlyList<ReportingMonth> Year = TrendChart.MonthsEnding(new ReportingMonth(2023, 7));

    private static TrendSeries Series(string name, params int?[] values) => new(name, "#000", values.Select(v => new TrendPoint(v)).ToList());

    private static int?[] Twelve(params (int Index, int Value)[] set)
    {
        var values = new int?[12];
        foreach (var (i, v) in set)
        {
            values[i] = v;
        }
        return values;
    }

    /// <summary>The chart's SVG element, parsed as XML (so it must be well-formed).</summary>
    private static XElement Chart(params TrendSeries[] series)
    {
        var html = TrendChart.Render("t", "测试图", Year, series).Value;
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }

    private static double Y(XElement circle) => double.Parse(circle.Attribute("cy")!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(16, 20)]
    [InlineData(21, 40)]
    [InlineData(342, 400)]
    [InlineData(801, 2000)]
    public void NiceMax_RoundsUpToFourEqualSteps(int max, int nice)
    {
        Assert.Equal(nice, TrendChart.NiceMax(max));
        Assert.Equal(0, nice % 4);
    }

    [Fact]
    public void MonthsEnding_TwelveMonthsOldestFirstAcrossTheYear()
    {
        Assert.Equal(new ReportingMonth(2022, 8), Year[0]);
        Assert.Equal(new ReportingMonth(2023, 7), Year[^1]);
        Assert.Equal(12, Year.Distinct().Count());
    }

    [Fact]
    public void Render_Values_ScaledBetweenBaselineAndTop()
    {
        var svg = Chart(Series("数据预警", Twelve((0, 0), (1, 10), (2, 20))));
        var circles = svg.Descendants(Svg + "circle").ToList();

        Assert.Equal(3, circles.Count);
        var (zero, ten, twenty) = (Y(circles[0]), Y(circles[1]), Y(circles[2]));
        Assert.True(zero > ten && ten > twenty, $"{zero} {ten} {twenty}");
        Assert.Equal(zero - ten, ten - twenty, 3); // linear
        // 20 is the top of the axis (4 steps of 5), so its point is on the top grid line, labelled 20.
        var top = svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "tick" && t.Value == "20");
        Assert.Equal(double.Parse(top.Attribute("y")!.Value, CultureInfo.InvariantCulture), twenty, 3);
        var bottom = svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "tick" && t.Value == "0");
        Assert.Equal(double.Parse(bottom.Attribute("y")!.Value, CultureInfo.InvariantCulture), zero, 3);
    }

    [Fact]
    public void Render_MonthWithoutFigure_IsAGapNotAZero()
    {
        var svg = Chart(Series("数据预警", Twelve((0, 5), (1, 6), (3, 7), (4, 8))));

        // Two pieces of line (Aug–Sep 2022 and Nov–Dec 2022), none through October, which has no point at the baseline.
        var lines = svg.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.DoesNotContain(svg.Descendants(Svg + "circle"), c => (string?)c.Attribute("data-month") == "2022-10");
        // Every month without a figure is a shaded column saying so.
        var gaps = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "gap").Select(r => r.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(8, gaps.Count);
        Assert.Contains("2022年10月：未统计（本月没有比对运行）", gaps);
        Assert.Contains("未统计的月份：2022年10月、2023年1月", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneSeriesMissingInAMonth_NoShadeWhereTheOtherHasAFigure()
    {
        var svg = Chart(Series("数据预警", Twelve((11, 3))), Series("标记", new int?[12]));

        Assert.Equal(11, svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "gap"));
        Assert.Single(svg.Descendants(Svg + "circle"));
    }

    [Fact]
    public void Render_NothingCounted_ChartSaysSoAndTableSaysNotCounted()
    {
        var html = TrendChart.Render("t", "测试图", Year, [Series("数据预警", new int?[12])]).Value;
        var svg = Chart(Series("数据预警", new int?[12]));

        Assert.Empty(svg.Descendants(Svg + "circle"));
        Assert.Contains("这些月份都没有统计", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(12, html.Split("未统计</td>").Length - 1);
    }

    [Fact]
    public void Render_Accessible_ChineseTitleDescLabelsAndTable()
    {
        var html = TrendChart.Render("t", "罗锦镇近12个月", Year, [Series("数据预警", Twelve((11, 16))), Series("标记", Twelve((11, 22)))]).Value;
        var svg = Chart(Series("数据预警", Twelve((11, 16))), Series("标记", Twelve((11, 22))));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("t-title t-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("测试图", svg.Element(Svg + "title")!.Value);
        Assert.Contains("数据预警最近一月（2023年7月）16 人。标记最近一月（2023年7月）22 人。", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var months = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "month").Select(t => t.Value).ToList();
        Assert.Equal(["8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月", "4月", "5月", "6月", "7月"], months);
        Assert.Equal(["2022年", "2023年"], svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "year").Select(t => t.Value));
        Assert.Contains("""<tr data-series="标记"><th>标记</th>""", html, StringComparison.Ordinal);
        Assert.Contains("""<td class="n">22</td>""", html, StringComparison.Ordinal);
        // Nothing a content security policy of default-src 'none' would block: no script, no link, no style element, no image.
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<image", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartlyCountedPoint_HollowWithItsNote()
    {
        var tags = new TrendSeries("标记", "#00f", [.. Enumerable.Repeat(new TrendPoint(null), 11), new TrendPoint(5, "不含缺少数据来源的困难毕业生")]);
        var html = TrendChart.Render("t", "测试图", Year, [tags]).Value;
        var circle = Assert.Single(Chart(tags).Descendants(Svg + "circle"));

        Assert.Equal("#fff", (string?)circle.Attribute("fill"));
        Assert.Equal("2023年7月 标记 5 人（不含缺少数据来源的困难毕业生）", circle.Element(Svg + "title")!.Value);
        Assert.Contains("""<td class="n">5*</td>""", html, StringComparison.Ordinal);
        Assert.Contains("* 不含缺少数据来源的困难毕业生", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextFromData_Encoded()
    {
        var html = TrendChart.Render("t", "<b>镇</b>", Year, [Series("a&b", Twelve((0, 1)))]).Value;

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", html, StringComparison.Ordinal);
    }
}
