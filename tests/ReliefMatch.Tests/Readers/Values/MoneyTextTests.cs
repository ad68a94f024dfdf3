using ReliefMatch.Readers.Values;

namespace ReliefMatch.Tests.Readers.Values;

public class MoneyTextTests
{
    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("1234.50元", "1234.50")]
    [InlineData("1234.50 元", "1234.50")]
    [InlineData("￥1,234.50", "1234.50")]
    [InlineData("¥1234", "1234")]
    [InlineData("¥ 1234", "1234")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("0", "0")]
    [InlineData("0.00", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("-12.30", "-12.30")]
    [InlineData("+12", "12")]
    [InlineData("１２３４．５０", "1234.50")]
    [InlineData("1，234.50", "1234.50")]
    [InlineData("9999999999999999.99", "9999999999999999.99")]
    public void TryParse_ContractSpellings_ExactDecimal(string text, string expected)
    {
        Assert.True(MoneyText.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParse_KeepsTheWrittenScale_NoFloatingPoint()
    {
        Assert.True(MoneyText.TryParse("0.10", out var value));
        Assert.Equal("0.10", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(MoneyText.TryParse("0.1", out var a));
        Assert.True(MoneyText.TryParse("0.2", out var b));
        Assert.Equal(0.3m, a + b);
    }

    [Theory]
    [InlineData("")]
    [InlineData("元")]
    [InlineData("-")]
    [InlineData("12.3.4")]
    [InlineData("12元5")]
    [InlineData("1234.50万")]
    [InlineData("abc")]
    [InlineData("12-3")]
    [InlineData(",123")]
    [InlineData("12,34.5,6")]
    [InlineData("12345678901234567890")]
    public void TryParse_NotAnAmount_False(string text) => Assert.False(MoneyText.TryParse(text, out _));
}
