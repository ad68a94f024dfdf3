using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Readers;

/// <summary>公安 户籍注销 and 卫健 死亡医学证明.</summary>
public sealed partial class ExtractReaderTests
{
    [Fact]
    public void Records_PoliceFixture_DeathsByReasonAndDates()
    {
        var (reading, records) = TestExtracts.ReadAll(TestExtracts.Fixture("police-deaths.csv"), SourceKind.PoliceDeaths);
        var deaths = records.Cast<DeathRecord>().ToList();
        Assert.Equal(["张三", "李四", "王五"], deaths.Select(d => d.Name));
        Assert.All(deaths, d => Assert.Equal(SourceKind.PoliceDeaths, d.Source));

        Assert.True(deaths[0].IsDeath);
        Assert.Equal(new DateOnly(2023, 7, 4), deaths[0].DeathDate);
        Assert.Equal(new DateOnly(2023, 7, 10), deaths[0].CancelledOn);
        Assert.Equal(new DateOnly(2023, 7, 4), deaths[0].EffectiveDeathDate);
        Assert.Equal(Sex.Male, deaths[0].Sex);
        Assert.Equal(new DateOnly(1980, 1, 1), deaths[0].BirthDate);
        Assert.Equal("死亡", deaths[0].CancelReason);

        // No death date: the cancellation date stands in.
        Assert.True(deaths[1].IsDeath);
        Assert.Null(deaths[1].DeathDate);
        Assert.Equal(new DateOnly(2023, 7, 12), deaths[1].EffectiveDeathDate);
        Assert.Equal(Sex.Female, deaths[1].Sex);

        // Moved away: kept, but not death evidence.
        Assert.False(deaths[2].IsDeath);
        Assert.Equal("迁出", deaths[2].CancelReason);

        // A death with neither date is refused.
        Assert.Equal(
            new RejectedRow(6, "死亡日期", "", "死亡日期和注销日期均为空"),
            Assert.Single(reading.Rejects));
        Assert.Equal([3, 4, 5], deaths.Select(d => d.Row));
    }

    [Fact]
    public void Records_PoliceFileWithoutReasonColumn_EveryRowIsADeath()
    {
        var path = files.Csv("姓名,身份证号码,注销日期", $"张三,{Id1},2023-07-10", $"李四,{Id2},2023年7月");
        var deaths = TestExtracts.ReadAll<DeathRecord>(path, SourceKind.PoliceDeaths);
        Assert.All(deaths, d => Assert.True(d.IsDeath));
        Assert.Equal([new DateOnly(2023, 7, 10), new DateOnly(2023, 7, 1)], deaths.Select(d => d.EffectiveDeathDate!.Value));
    }

    [Fact]
    public void Records_PoliceNonDeathWithoutDates_Accepted()
    {
        var path = files.Csv("姓名,身份证号,死亡日期,注销类别", $"张三,{Id1},,服兵役", $"李四,{Id2},,");
        var deaths = TestExtracts.ReadAll<DeathRecord>(path, SourceKind.PoliceDeaths);
        Assert.Equal(2, deaths.Count);
        Assert.All(deaths, d => Assert.False(d.IsDeath));
    }

    [Fact]
    public void Records_PoliceMissingId_Rejected()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,公民身份号码,死亡日期", "张三,,2023-07-04"), SourceKind.PoliceDeaths);
        Assert.Empty(records);
        Assert.Equal(new RejectedRow(2, "公民身份号码", "", IdProblem.Missing.Describe()), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_PoliceInvalidId_KeptAsUnmatchedRecord()
    {
        var wrong = TestIds.WrongCheck(Id1);
        var death = Assert.Single(TestExtracts.ReadAll<DeathRecord>(files.Csv("姓名,公民身份号码,死亡日期", $"张三,{wrong},2023-07-04"), SourceKind.PoliceDeaths));
        Assert.Equal(IdProblem.WrongCheckCharacter, death.Id.Problem);
        Assert.Equal(wrong, death.Id.Text);
    }

    [Theory]
    [InlineData("男", Sex.Male)]
    [InlineData("女", Sex.Female)]
    [InlineData("1", Sex.Male)]
    [InlineData("2", Sex.Female)]
    [InlineData("未知", null)]
    [InlineData("", null)]
    public void Records_DeathSexSpelling_Read(string cell, Sex? expected) =>
        Assert.Equal(expected, Assert.Single(TestExtracts.ReadAll<DeathRecord>(files.Csv("姓名,公民身份号码,性别,死亡日期", $"张三,{Id1},{cell},2023-07-04"), SourceKind.PoliceDeaths)).Sex);

    [Fact]
    public void Records_DeathSexNotASex_RejectedNamingColumn()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,公民身份号码,性别,死亡日期", $"张三,{Id1},X,2023-07-04"), SourceKind.PoliceDeaths);
        Assert.Equal(new RejectedRow(2, "性别", "X", "无法识别的性别"), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_HealthFixture_AlwaysDeathsWithOrWithoutId()
    {
        var (reading, records) = TestExtracts.ReadAll(TestExtracts.Fixture("health-deaths.csv"), SourceKind.HealthDeaths);
        Assert.Equal("UTF-8 (BOM)", reading.Encoding);
        var deaths = records.Cast<DeathRecord>().ToList();
        Assert.Equal(3, deaths.Count);
        Assert.All(deaths, d => Assert.True(d.IsDeath));
        Assert.All(deaths, d => Assert.Equal(SourceKind.HealthDeaths, d.Source));

        Assert.Equal(new DateOnly(2023, 7, 4), deaths[0].DeathDate);
        Assert.True(deaths[0].Id.IsValid);
        Assert.Equal("医疗卫生机构", deaths[0].Place);
        Assert.Equal("肺癌", deaths[0].Cause);
        Assert.Equal("永福县人民医院", deaths[0].Reporter);

        Assert.Equal(IdProblem.Missing, deaths[1].Id.Problem);
        Assert.Equal(Sex.Female, deaths[1].Sex);
        Assert.Equal(new DateOnly(1950, 3, 1), deaths[1].BirthDate);
        Assert.Equal(new DateOnly(2023, 7, 5), deaths[1].DeathDate);

        Assert.Equal(new DateOnly(1945, 6, 20), deaths[2].BirthDate);
        Assert.Equal(new DateOnly(2023, 7, 6), deaths[2].DeathDate);
        Assert.Null(deaths[2].Cause);
    }

    [Fact]
    public void Records_HealthWithoutDeathDate_Rejected()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,死亡日期", $"张三,{Id1},", $"李四,{Id2},2023-07-05"), SourceKind.HealthDeaths);
        Assert.Equal("李四", Assert.Single(records).Name);
        Assert.Equal(new RejectedRow(2, "死亡日期", "", "死亡日期为空"), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_HealthExcelDamagedId_Rejected()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("死者姓名,证件号码,死亡日期", "张三,4.50326E+17,2023-07-04"), SourceKind.HealthDeaths);
        Assert.Empty(records);
        Assert.Equal(IdProblem.ExcelDamaged.Describe(), Assert.Single(reading.Rejects).Reason);
    }
}
