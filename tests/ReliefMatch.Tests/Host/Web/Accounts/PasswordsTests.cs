using ReliefMatch.Host.Web.Accounts;

namespace ReliefMatch.Tests.Host.Web.Accounts;

public class PasswordsTests
{
    [Fact]
    public void Hash_SamePasswordTwice_DifferentSaltedHashesThatBothVerify()
    {
        var first = Passwords.Hash("correct horse 1");
        var second = Passwords.Hash("correct horse 1");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse", first, StringComparison.Ordinal);
        Assert.Equal((true, false), Passwords.Verify(first, "correct horse 1"));
        Assert.Equal((true, false), Passwords.Verify(second, "correct horse 1"));
        Assert.Equal((false, false), Passwords.Verify(first, "correct horse 2"));
    }

    [Theory]
    [InlineData("short", true)]
    [InlineData("        ", true)]
    [InlineData("long enough", false)]
    public void Problem_Password_RefusedWhenTooShortOrBlank(string password, bool refused) =>
        Assert.Equal(refused, Passwords.Problem(password) is not null);
}
