using ReliefMatch.Core.Identity;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.Tests.SampleData.People;

public sealed class IdAllocatorTests
{
    private static readonly int Birth = new DateOnly(1960, 3, 15).DayNumber;

    [Fact]
    public void Allocate_MorePeopleThanADayHolds_AllKeysUniqueValidAndOfTheirSex()
    {
        var ids = new IdAllocator(0, 10);
        var keys = new List<(long Key, bool Male)>();
        for (var i = 0; i < 500; i++)
        {
            var male = i % 3 == 0;
            keys.Add((ids.Allocate(0, Birth, male), male));
        }

        Assert.Equal(keys.Count, keys.Select(k => k.Key).Distinct().Count());
        foreach (var (key, male) in keys)
        {
            var parsed = ResidentIdParser.Parse(ResidentIdText.ToString(key));
            Assert.True(parsed.IsValid);
            Assert.Equal(male ? Sex.Male : Sex.Female, parsed.Id!.Value.Sex);
        }
    }

    [Fact]
    public void Allocate_DayFull_AnotherBirthplaceBeforeAnotherDay()
    {
        var ids = new IdAllocator(0, 2);
        var first = ids.Allocate(0, Birth, true);
        ids.Allocate(0, Birth, true);
        var third = ids.Allocate(0, Birth, true);

        Assert.Equal("450326", ResidentIdText.ToString(first)[..6]);
        Assert.Equal(new DateOnly(1960, 3, 15), ResidentIdText.BirthDate(third));
        Assert.NotEqual("450326", ResidentIdText.ToString(third)[..6]);
    }

    [Fact]
    public void Allocate_DisjointRankRanges_NeverCollide()
    {
        var a = new IdAllocator(0, 100);
        var b = new IdAllocator(100, 100);
        var keys = new HashSet<long>();
        for (var i = 0; i < 150; i++)
        {
            Assert.True(keys.Add(a.Allocate(0, Birth, i % 2 == 0)));
            Assert.True(keys.Add(b.Allocate(0, Birth, i % 2 == 0)));
        }
    }

    [Fact]
    public void Constructor_RanksBeyondTheSequence_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdAllocator(400, 100));
    }
}
