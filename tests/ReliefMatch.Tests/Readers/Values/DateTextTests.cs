using ReliefMatch.Readers.Values;

namespace ReliefMatch.Tests.Readers.Values;

public class DateTextTests
{
    [Theory]
    [InlineData("2023-07-04", 2023, 7, 4)]
    [InlineData("2023/7/4", 2023, 7, 4)]
    [InlineData("2023/07/04", 2023, 7, 4)]
    [InlineData("20230704", 2023, 7, 4)]
    [InlineData("2023年7月4日", 2023, 7, 4)]
    [InlineData("2023年07月04日", 2023, 7, 4)]
    [InlineData("2023年7月4号", 2023, 7, 4)]
    [InlineData("2023年7月4", 2023, 7, 4)]
    [InlineData("2023.07.04", 2023, 7, 4)]
    [InlineData("2023.7.4", 2023, 7, 4)]
    [InlineData("2023-07-04 14:30", 2023, 7, 4)]
    [InlineData("2023/7/4 14:30:00", 2023, 7, 4)]
    [InlineData("2023-07-04T14:30:00", 2023, 7, 4)]
    [InlineData("2023-07-04 14:30:00.000", 2023, 7, 4)]
    [InlineData("2023/7/4 0:00", 2023, 7, 4)]
    [InlineData("2023年7月4日 14时30分", 2023, 7, 4)]
    [InlineData("20230704 14:30", 2023, 7, 4)]
    [InlineData("202307041430", 2023, 7, 4)]
    [InlineData("20230704143000", 2023, 7, 4)]
    [InlineData("２０２３－０７－０４", 2023, 7, 4)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_ContractSpellings_ReadTheDay(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2023-07")]
    [InlineData("2023/7")]
    [InlineData("2023.07")]
    [InlineData("2023年7月")]
    [InlineData("2023年07月")]
    [InlineData("202307")]
    public void TryParse_MonthAlone_FirstDayOfMonth(string text)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2023, 7, 1), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023")]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2023-07-32")]
    [InlineData("20230732")]
    [InlineData("202313")]
    [InlineData("2023-07/04")]
    [InlineData("2023年7")]
    [InlineData("23-07-04")]
    [InlineData("0000-00-00")]
    [InlineData("1800-01-01")]
    [InlineData("2023-07-04 下午")]
    [InlineData("2023-07-04abc")]
    [InlineData("不详")]
    [InlineData("45111")]
    [InlineData("2023-007-04")]
    public void TryParse_NotADate_False(string text) => Assert.False(DateText.TryParse(text, out _));
}
