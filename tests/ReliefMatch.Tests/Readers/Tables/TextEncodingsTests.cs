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
    public void Detect_WholeFileEndsInsideCharacter_Gb18030()
    {
        var bytes = Encoding.UTF8.GetBytes("姓名,身份证号");
        Assert.Equal("GB18030", TextEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), wholeFile: true));
    }

    [Fact]
    public void Detect_InvalidByteDeepInPrefix_Gb18030()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 500_000) + "张三");
        bytes[^2] = 0xFF;
        Assert.Equal("GB18030", TextEncodings.Detect(bytes, wholeFile: true));
    }
}
