using ReliefMatch.SampleData.Output;

namespace ReliefMatch.Tests.SampleData.Output;

public sealed class TextFormatsTests
{
    private static readonly int Day = new DateOnly(2023, 7, 4).DayNumber;

    [Theory]
    [InlineData((int)DateForm.Iso, "2023-07-04")]
    [InlineData((int)DateForm.Slash, "2023/7/4")]
    [InlineData((int)DateForm.Compact, "20230704")]
    [InlineData((int)DateForm.Chinese, "2023年7月4日")]
    [InlineData((int)DateForm.Dotted, "2023.07.04")]
    [InlineData((int)DateForm.IsoMinutes, "2023-07-04 14:30")]
    [InlineData((int)DateForm.SlashSeconds, "2023/7/4 14:30:00")]
    [InlineData((int)DateForm.IsoMidnight, "2023-07-04 00:00:00")]
    [InlineData((int)DateForm.Month, "2023-07")]
    [InlineData((int)DateForm.ChineseMonth, "2023年7月")]
    [InlineData((int)DateForm.CompactMonth, "202307")]
    public void WriteDate_EachForm_AsTheContractShowsIt(int form, string expected)
    {
        Span<char> buffer = stackalloc char[TextFormats.MaxDateLength];
        Assert.Equal(expected, new string(buffer[..TextFormats.WriteDate(buffer, Day, (DateForm)form, 14 * 60 + 30)]));
    }

    [Theory]
    [InlineData(123450L, (int)MoneyForm.Plain, "1234.50")]
    [InlineData(123450L, (int)MoneyForm.Short, "1234.5")]
    [InlineData(123400L, (int)MoneyForm.Short, "1234")]
    [InlineData(123450L, (int)MoneyForm.Thousands, "1,234.50")]
    [InlineData(123456789L, (int)MoneyForm.Thousands, "1,234,567.89")]
    [InlineData(12345L, (int)MoneyForm.Thousands, "123.45")]
    [InlineData(123450L, (int)MoneyForm.Yuan, "1234.50元")]
    [InlineData(123450L, (int)MoneyForm.FullWidthYen, "￥1,234.50")]
    [InlineData(123400L, (int)MoneyForm.Yen, "¥1234")]
    [InlineData(5L, (int)MoneyForm.Plain, "0.05")]
    [InlineData(0L, (int)MoneyForm.Plain, "0.00")]
    public void WriteMoney_EachForm_AsTheContractShowsIt(long cents, int form, string expected)
    {
        Span<char> buffer = stackalloc char[TextFormats.MaxMoneyLength];
        Assert.Equal(expected, new string(buffer[..TextFormats.WriteMoney(buffer, cents, (MoneyForm)form)]));
    }

    [Fact]
    public void ExcelSerial_CountsAsExcelDoes()
    {
        Assert.Equal(45111, TextFormats.ExcelSerial(Day));
        Assert.Equal(DateTime.FromOADate(45111), new DateTime(2023, 7, 4));
    }
}
