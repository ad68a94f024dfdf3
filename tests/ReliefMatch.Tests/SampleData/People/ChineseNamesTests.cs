using ReliefMatch.Core.Identity;
using ReliefMatch.SampleData;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.Tests.SampleData.People;

public sealed class ChineseNamesTests
{
    [Fact]
    public void Create_NamesOfTwoToFourCharactersAndSomeDotted()
    {
        var random = new SampleRandom(3, 4);
        var names = Enumerable.Range(0, 5000).Select(i => ChineseNames.ToString(ChineseNames.Create(ref random, i % 2 == 0, 1930 + i % 90))).ToList();

        Assert.All(names.Where(n => !n.Contains('·', StringComparison.Ordinal)), n => Assert.InRange(n.Length, 2, 4));
        Assert.Contains(names, n => n.Contains('·', StringComparison.Ordinal));
        Assert.InRange(names.Count(n => n.Contains('·', StringComparison.Ordinal)), 1, 50);
        Assert.InRange(names.Count(n => n.StartsWith('黄')), 200, 700);
        Assert.True(names.Distinct().Count() > 2000);
    }

    [Fact]
    public void Create_InAFamilySurname_KeepsIt()
    {
        var random = new SampleRandom(5, 6);
        var father = ChineseNames.Create(ref random, true, 1960, 0);
        var child = ChineseNames.Create(ref random, false, 1990, ChineseNames.SurnameOf(father));
        Assert.Equal(ChineseNames.ToString(father)[0], ChineseNames.ToString(child)[0]);
        Assert.Equal(ChineseNames.SurnameOf(father), ChineseNames.SurnameOf(child));
    }

    [Fact]
    public void Write_DottedNameNormalisesWithoutTheDot()
    {
        var random = new SampleRandom(7, 8);
        int code;
        do
        {
            code = ChineseNames.Create(ref random, false, 1980);
        }
        while (!ChineseNames.IsDotted(code));
        var name = ChineseNames.ToString(code);
        Assert.True(PersonName.Same(name, name.Replace('·', '•')));
        Assert.Equal(-1, ChineseNames.SurnameOf(code));
    }
}
