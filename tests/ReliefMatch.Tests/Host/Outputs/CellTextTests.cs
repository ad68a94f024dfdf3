using ReliefMatch.Host.Outputs;

namespace ReliefMatch.Tests.Host.Outputs;

public class CellTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 123", "'+86 123")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    public void Inert_FormulaStart_PrefixedWithQuote(string value, string expected) => Assert.Equal(expected, CellText.Inert(value));

    [Theory]
    [InlineData("")]
    [InlineData("李四")]
    [InlineData("450326195803120011")]
    [InlineData("a=b")]
    public void Inert_OrdinaryText_Unchanged(string value) => Assert.Equal(value, CellText.Inert(value));
}
