using ReliefMatch.Storage.Loading;

namespace ReliefMatch.Tests.Storage.Loading;

public sealed class FirstOfEqualTests
{
    /// <summary>Equal by the text before the colon; every text hashes alike, so each pair must be told apart by Equals.</summary>
    private sealed class ByPrefix : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x?.Split(':')[0], y?.Split(':')[0], StringComparison.Ordinal);

        public int GetHashCode(string obj) => 42;
    }

    [Fact]
    public void Keep_DuplicatesAnywhere_KeepsTheFirstOfEachInOrder()
    {
        var records = new List<string> { "a:1", "b:2", "a:3", "c:4", "b:5", "b:6", "d:7", "a:8" };

        FirstOfEqual.Keep(records, new ByPrefix());

        Assert.Equal(["a:1", "b:2", "c:4", "d:7"], records);
    }

    [Fact]
    public void Keep_AllDistinctOrEmpty_LeavesTheListAsItIs()
    {
        var distinct = new List<string> { "x:1", "y:2", "z:3" };
        var empty = new List<string>();

        FirstOfEqual.Keep(distinct, StringComparer.Ordinal);
        FirstOfEqual.Keep(empty, StringComparer.Ordinal);

        Assert.Equal(["x:1", "y:2", "z:3"], distinct);
        Assert.Empty(empty);
    }
}
