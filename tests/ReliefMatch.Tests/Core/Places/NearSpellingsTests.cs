using ReliefMatch.Core.Places;

namespace ReliefMatch.Tests.Core.Places;

public sealed class NearSpellingsTests
{
    private static readonly string[] Yongfu = ["永福镇", "罗锦镇", "百寿镇", "苏桥镇", "三皇镇", "堡里镇", "广福乡", "龙江乡", "永安乡"];

    [Theory]
    [InlineData("苏乔镇", "苏桥镇")]        // one character mistyped
    [InlineData("苏桥", "苏桥镇")]          // 镇 left off
    [InlineData("罗锦镇镇", "罗锦镇")]      // one too many
    [InlineData("桥苏镇", "苏桥镇")]        // two swapped
    [InlineData("永福乡", "广福乡,永安乡,永福镇")] // three equally near, in ordinal order
    public void Of_Mistyped_TheNearKnownNames(string typed, string expected) =>
        Assert.Equal(expected.Split(','), NearSpellings.Of(typed, Yongfu));

    [Theory]
    [InlineData("临桂镇")]
    [InlineData("北京")]
    public void Of_NothingNear_Empty(string typed) => Assert.Empty(NearSpellings.Of(typed, Yongfu));

    [Theory]
    [InlineData("苏桥镇", "苏桥镇", 0)]
    [InlineData("苏乔镇", "苏桥镇", 1)]
    [InlineData("", "苏桥镇", 3)]
    [InlineData("𠀋村", "𠀀村", 1)]        // a character outside the BMP counts once
    public void Distance_CountsCharacters(string a, string b, int distance) => Assert.Equal(distance, NearSpellings.Distance(a, b));
}
