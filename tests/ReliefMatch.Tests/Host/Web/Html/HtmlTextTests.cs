using ReliefMatch.Host.Web.Html;

namespace ReliefMatch.Tests.Host.Web.Html;

public class HtmlTextTests
{
    [Fact]
    public void Of_TextHoles_EncodedChineseKept()
    {
        var name = "<script>alert('x')</script>张三&\"";

        Assert.Equal("<td>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;张三&amp;&quot;</td>", HtmlText.Of($"<td>{name}</td>").Value);
    }

    [Fact]
    public void Of_MarkupHoles_LeftAsTheyAre()
    {
        var cell = HtmlText.Of($"<b>{"a<b"}</b>");
        IEnumerable<Markup> cells = [cell, cell];

        Assert.Equal("<tr><b>a&lt;b</b><b>a&lt;b</b></tr>", HtmlText.Of($"<tr>{cells}</tr>").Value);
        Assert.Equal("<p><b>a&lt;b</b></p>", HtmlText.Of($"<p>{cell}</p>").Value);
    }

    [Fact]
    public void Of_NumbersAndNull_InvariantAndEmpty()
    {
        string? missing = null;

        Assert.Equal("1234.5|", HtmlText.Of($"{1234.5m}|{missing}").Value);
    }
}
