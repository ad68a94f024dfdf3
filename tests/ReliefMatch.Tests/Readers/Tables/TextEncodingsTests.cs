using System.Text;
using ReliefMatch.Readers.Tables;

namespace ReliefMatch.Tests.Readers.Tables;

public class TextEncodingsTests
{
    static TextEncodingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Detect_Bom_Utf8Bom() => Assert.Equal("UTF-8 (BOM)", TextEncodings.Detect([0xEF, 0xBB, 0xBF, (byte)'a'], wholeFile: true));

    [Fact]
    public void Detect_ValidUtf8Chinese_Utf8() => Assert.Equal("UTF-8", TextEncodings.Detect(Encoding.UTF8.GetBytes("姓名,身份证号\n张三,1"), wholeFile: true));

    [Fact]
    public void Detect_Ascii_Utf8() => Assert.Equal("UTF-8", TextEncodings.Detect("a,b,c\n"u8, wholeFile: true));

    [Fact]
    public void Detect_GbkBytes_Gb18030() =>
        Assert.Equal("GB18030", TextEncodings.Detect(Encoding.GetEncoding("GB18030").GetBytes("姓名,身份证号\n张三,1"), wholeFile: true));

    [Fact]
    public void Detect_PrefixEndsInsideCharacter_StillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("姓名,身份证号");
        // Cut the last three-byte character after its first and second byte: more of the file follows.
        Assert.Equal("UTF-8", TextEncodings.Detect(bytes.AsSpan(0, bytes.Length - 2), wholeFile: false));
        Assert.Equal("UTF-8", TextEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), wholeFile: false));
    }

    [Fact]
    public void Detect_WholeFileEndsInsideCharacter_DamagedUtf8StaysUtf8()
    {
        // The cut character is damage in UTF-8 text (five good characters to one bad): the row holding it is rejected.
        var bytes = Encoding.UTF8.GetBytes("姓名,身份证号");
        Assert.Equal("UTF-8", TextEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), wholeFile: true));
    }

    [Fact]
    public void Detect_GbkBytesDeepInPrefix_Gb18030()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes(new string('a', 500_000)), .. Encoding.GetEncoding("GB18030").GetBytes("张三")];
        Assert.Equal("GB18030", TextEncodings.Detect(bytes, wholeFile: true));
    }

    [Fact]
    public void Detect_Utf8ChineseWithAFewDamagedBytes_Utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("姓名,身份证号,结算日期\n张三,1,2023-07-04\n李四,2,2023-07-05\n");
        bytes[^10] = 0xFF;
        Assert.Equal("UTF-8", TextEncodings.Detect(bytes, wholeFile: true));
    }

    [Fact]
    public void Detect_NeitherUtf8NorGb18030_Undecodable()
    {
        byte[] bytes = [.. "name,id\n"u8, 0xFF, 0x80, 0xFF];
        Assert.Equal(TextEncodings.Undecodable, TextEncodings.Detect(bytes, wholeFile: true));
        Assert.Equal(8, TextEncodings.FirstUndecodable(bytes, wholeFile: true));
    }

    [Fact]
    public void Detect_Gb18030PrefixCutInsideACharacter_StillGb18030()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("姓名,身份证号");
        Assert.Equal("GB18030", TextEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), wholeFile: false));
    }
}
