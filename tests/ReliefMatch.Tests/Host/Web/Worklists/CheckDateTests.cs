using ReliefMatch.Host.Web.Worklists;

namespace ReliefMatch.Tests.Host.Web.Worklists;

public class CheckDateTests
{
    [Theory]
    [InlineData("2023-08-05")]
    [InlineData("2023/8/5")]
    [InlineData("2023.8.5")]
    [InlineData("20230805")]
    [InlineData("2023年8月5日")]
    [InlineData(" 2023-8-5 ")]
    [InlineData("2023/8/5 14:30")]
    [InlineData("2023-08-05 14:30:00")]
    public void TryParse_FormsTownshipsWrite_TheDate(string text)
    {
        Assert.True(CheckDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2023, 8, 5), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("八月五日")]
    [InlineData("2023-02-30")]
    [InlineData("5/8/2023")]
    public void TryParse_NotADate_False(string text) => Assert.False(CheckDate.TryParse(text, out _));
}
