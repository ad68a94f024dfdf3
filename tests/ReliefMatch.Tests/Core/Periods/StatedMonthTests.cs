using ReliefMatch.Core.Periods;

namespace ReliefMatch.Tests.Core.Periods;

public sealed class StatedMonthTests
{
    [Theory]
    [InlineData("防返贫监测对象_202307.csv")]
    [InlineData("医保结算_住院_202307.csv")]
    [InlineData("roster-450326-202307.csv")]
    [InlineData("202307花名册.xlsx")]
    [InlineData("低保名册 2023-07.csv")]
    [InlineData("低保名册2023-7.csv")]
    [InlineData("低保名册_2023_07.xlsx")]
    [InlineData("低保名册 2023.07.csv")]
    [InlineData("低保名册 2023/07")]
    [InlineData("死亡医学证明_2023年7月.csv")]
    [InlineData("永福县2023年7月城乡低保在保对象花名册.xlsx")]
    [InlineData("永福县2023年07月特困供养人员花名册.xlsx")]
    [InlineData("特困供养人员花名册（2023年7月）.xlsx")]
    [InlineData("特困供养人员花名册(2023 年 7 月)")]
    [InlineData("花名册（２０２３年７月）")]
    [InlineData("公安注销_20230731.csv")]
    [InlineData("截至2023-07-31在保名册.csv")]
    [InlineData("2023年7月至8月")] // a span names its first month once
    [InlineData("202307_2023年7月.csv")] // the same month twice is still one month
    public void Find_NameStatingJuly2023_July2023(string name) =>
        Assert.Equal(new ReportingMonth(2023, 7), StatedMonth.Find(name));

    [Theory]
    [InlineData("roster-450326.csv")] // a county code: year 4503 is no year
    [InlineData("450326-低保.csv")]
    [InlineData("450326199001011234_核查.csv")] // an ID number, though its birth date looks like a month
    [InlineData("45032619900101123X.csv")]
    [InlineData("联系人13807731234.csv")] // a telephone number
    [InlineData("roster-450326-2023.csv")] // a year alone
    [InlineData("花名册7月.csv")] // a month without a year
    [InlineData("2023年度花名册.csv")]
    [InlineData("disability.csv")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("第12023年7月")] // 12023 is no year: the four digits are part of a longer number
    [InlineData("批次1202307.csv")] // seven digits
    [InlineData("202313.csv")] // month 13
    [InlineData("202300.csv")] // month 0
    [InlineData("2023年13月")]
    [InlineData("2023-00")]
    [InlineData("20230231.csv")] // 31 February: eight digits that are no date
    [InlineData("199912.csv")] // before 2000: more likely a code than a month of data
    [InlineData("210007.csv")]
    public void Find_NoMonthStated_Null(string? name) =>
        Assert.Null(StatedMonth.Find(name));

    [Theory]
    [InlineData("花名册_202306_202307.csv")]
    [InlineData("2023年6月-2023年7月死亡名单")]
    public void Find_TwoDifferentMonths_NullButAllListsBoth(string name)
    {
        Assert.Null(StatedMonth.Find(name));
        Assert.Equal([new ReportingMonth(2023, 6), new ReportingMonth(2023, 7)], StatedMonth.All(name));
    }

    [Fact]
    public void Find_DecemberAndJanuary_YearKept()
    {
        Assert.Equal(new ReportingMonth(2023, 12), StatedMonth.Find("roster_202312.csv"));
        Assert.Equal(new ReportingMonth(2024, 1), StatedMonth.Find("2024年1月花名册"));
    }

    [Fact]
    public void FindFirst_NameSilent_TitleStates()
    {
        Assert.Equal(new ReportingMonth(2023, 7), StatedMonth.FindFirst("roster/花名册.xlsx", "永福县2023年7月城乡低保在保对象花名册"));
        Assert.Equal(new ReportingMonth(2023, 8), StatedMonth.FindFirst("roster_202308.csv", "永福县2023年7月城乡低保在保对象花名册"));
        Assert.Null(StatedMonth.FindFirst("花名册.csv", null, "制表：县民政局"));
    }
}
