using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Tests.Core.Matching;

public class NameCodeTests
{
    [Theory]
    [InlineData("张三")]
    [InlineData("欧阳娜娜")]
    [InlineData("李")]
    public void OfRaw_ShortCjkName_PackedExactly(string name)
    {
        var code = NameCode.OfRaw(name);
        Assert.True(NameCode.IsExact(code));
        Assert.Equal(NameCode.Of(name), code);
        Assert.NotEqual(NameCode.OfRaw(name + "甲"), code);
    }

    [Theory]
    [InlineData("张 三", "张三")]
    [InlineData("阿依·古丽", "阿依古丽")]
    [InlineData("Ｌｉ", "Li")]
    [InlineData("张\u3000三", "张三")]
    public void OfRaw_SpellingsOfOneName_SameCode(string raw, string normalised)
    {
        Assert.Equal(NameCode.Of(PersonName.Normalise(normalised)), NameCode.OfRaw(raw));
    }

    [Fact]
    public void Of_LongName_HashedAndMarked()
    {
        var code = NameCode.Of("阿依古丽买买提");
        Assert.False(NameCode.IsExact(code));
        Assert.NotEqual(code, NameCode.Of("阿依古丽买买江"));
        Assert.Equal(code, NameCode.OfRaw("阿依古丽·买买提"));
    }

    [Fact]
    public void Of_EmptyName_Zero()
    {
        Assert.Equal(0, NameCode.OfRaw(""));
        Assert.Equal(0, NameCode.OfRaw(null));
        Assert.Equal(0, NameCode.OfRaw(" · "));
    }
}
