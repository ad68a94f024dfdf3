using ReliefMatch.Readers.Values;

namespace ReliefMatch.Tests.Readers.Values;

public class ExcelSerialDateTests
{
    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(45111, 2023, 7, 4)]
    [InlineData(45111.604, 2023, 7, 4)]
    [InlineData(20230704, 2023, 7, 4)]
    [InlineData(202307, 2023, 7, 1)]
    public void TryConvert_SerialOrTypedDigits_ReadsTheDay(double value, int year, int month, int day)
    {
        Assert.True(ExcelSerialDate.TryConvert(value, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void TryConvert_SerialsAfterLeapBug_AgreeWithOaDates()
    {
        for (var serial = 61; serial < 73415; serial += 97)
        {
            Assert.True(ExcelSerialDate.TryConvert(serial, out var date));
            Assert.Equal(DateOnly.FromDateTime(DateTime.FromOADate(serial)), date);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(60)]
    [InlineData(80000)]
    [InlineData(20231304)]
    [InlineData(202313)]
    [InlineData(1234567)]
    [InlineData(double.NaN)]
    public void TryConvert_NotADate_False(double value) => Assert.False(ExcelSerialDate.TryConvert(value, out _));
}
