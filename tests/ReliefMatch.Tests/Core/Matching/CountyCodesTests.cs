using ReliefMatch.Core.Matching;

namespace ReliefMatch.Tests.Core.Matching;

public class CountyCodesTests
{
    [Theory]
    [InlineData("450326", true)]
    [InlineData(" 450326 ", true)]
    [InlineData("450326101", true)]
    [InlineData("450326101201", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("450322", false)]
    [InlineData("45032", false)]
    [InlineData("450326X", false)]
    [InlineData("4503", false)]
    public void IsIn_Codes_HomeCountyOrNot(string? code, bool expected)
    {
        Assert.Equal(expected, CountyCodes.IsIn(code, "450326"));
    }

    [Theory]
    [InlineData("450322", "450322")]
    [InlineData("450322101201", "450322")]
    [InlineData(" 450322 ", "450322")]
    [InlineData("", "450326")]
    [InlineData("临桂", "临桂")]
    public void County_Codes_CountyPart(string code, string expected)
    {
        Assert.Equal(expected, CountyCodes.County(code, "450326"));
    }
}
