using ReliefMatch.Core.Identity;
using ReliefMatch.SampleData;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.Tests.SampleData.People;

public sealed class ResidentIdTextTests
{
    private const long Key = 45032619800101123L; // 450326 19800101 123

    [Fact]
    public void Write_CheckCharacterAgreesWithTheParser()
    {
        for (var key = Key; key < Key + 50; key++)
        {
            var text = ResidentIdText.ToString(key);
            Assert.Equal(ResidentIdParser.CheckCharacter(key), text[17]);
            Assert.Equal(key, ResidentIdParser.Parse(text).Key);
        }
    }

    [Fact]
    public void WrongCheck_IsRejectedForItsCheckCharacter()
    {
        var text = ResidentIdText.ToString(Key)[..17] + ResidentIdText.WrongCheck(Key, 3);
        Assert.Equal(IdProblem.WrongCheckCharacter, ResidentIdParser.Parse(text).Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mistyped_InvalidButRepairableToThePerson(bool swap)
    {
        var random = new SampleRandom(1, 2);
        for (var i = 0; i < 20; i++)
        {
            var key = Key + i * 10;
            var text = ResidentIdText.Mistyped(key, swap, ref random);
            var parsed = ResidentIdParser.Parse(text);
            Assert.False(parsed.IsValid);
            Assert.Contains(key, ResidentIdParser.RepairCandidates(parsed.Text));
        }
    }

    [Fact]
    public void Legacy15_UpgradesToTheSameId()
    {
        Assert.True(ResidentIdText.HasLegacyForm(Key));
        var legacy = ResidentIdText.Legacy15(Key);
        Assert.Equal("450326800101123", legacy);
        var parsed = ResidentIdParser.Parse(legacy);
        Assert.True(parsed.UpgradedFrom15);
        Assert.Equal(Key, parsed.Key);
        Assert.False(ResidentIdText.HasLegacyForm(45032619990101123L));
    }

    [Fact]
    public void ExcelNumber_KeepsFifteenDigitsAndIsRecognisedAsDamaged()
    {
        var number = ResidentIdText.ExcelNumber(Key);
        Assert.Equal(450326198001011000d, number);
        Assert.Equal(IdProblem.ExcelDamaged, ResidentIdParser.ParseNumber(number).Problem);
    }

    [Fact]
    public void BirthDateAndSex_ReadFromTheKey()
    {
        Assert.Equal(new DateOnly(1980, 1, 1), ResidentIdText.BirthDate(Key));
        Assert.True(ResidentIdText.IsMale(Key));
        Assert.False(ResidentIdText.IsMale(Key + 1));
    }
}
