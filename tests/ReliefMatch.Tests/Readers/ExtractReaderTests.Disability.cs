using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Readers;

/// <summary>残联 持证残疾人.</summary>
public sealed partial class ExtractReaderTests
{
    [Fact]
    public void Records_DisabilityFixture_IdCategoryAndLevelFromColumnsOrCertificate()
    {
        var (reading, records) = TestExtracts.ReadAll(TestExtracts.Fixture("disability.csv"), SourceKind.Disability);
        var holders = records.Cast<DisabilityRecord>().ToList();
        Assert.Equal(3, holders.Count);

        Assert.Equal("450326198001011239", holders[0].Id.Text);
        Assert.Equal("45032619800101123942", holders[0].CertificateNo);
        Assert.Equal(DisabilityCategory.Physical, holders[0].Category);
        Assert.Equal(2, holders[0].Level);
        Assert.True(holders[0].IsSevere);
        Assert.True(holders[0].IsValid);
        Assert.Equal(new DateOnly(2015, 6, 1), holders[0].IssuedOn);
        Assert.Equal(("永福镇", "城北社区"), (holders[0].Township, holders[0].Village));

        // ID column blank, no category or level: all three from the certificate (x upper-cased).
        Assert.Equal("45032619381111822X", holders[1].Id.Text);
        Assert.True(holders[1].Id.IsValid);
        Assert.Equal("45032619381111822X54", holders[1].CertificateNo);
        Assert.Equal(DisabilityCategory.Intellectual, holders[1].Category);
        Assert.Equal(4, holders[1].Level);
        Assert.False(holders[1].IsSevere);

        // No certificate: the columns say it all.
        Assert.Null(holders[2].CertificateNo);
        Assert.Equal(DisabilityCategory.Mental, holders[2].Category);
        Assert.Equal(3, holders[2].Level);
        Assert.True(holders[2].IsSevere);
        Assert.False(holders[2].IsValid);

        Assert.Equal(new RejectedRow(5, "身份证号", "", IdProblem.Missing.Describe()), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_DisabilityCertificateOnlyFile_Read()
    {
        var certificate = Id1 + "71";
        var holder = Assert.Single(TestExtracts.ReadAll<DisabilityRecord>(files.Csv("姓名,残疾证号", $"张三,{certificate}"), SourceKind.Disability));
        Assert.Equal(Id1, holder.Id.Text);
        Assert.Equal(DisabilityCategory.Multiple, holder.Category);
        Assert.Equal(1, holder.Level);
    }

    [Fact]
    public void Records_DisabilityColumnsOverrideCertificateDigits()
    {
        var holder = Assert.Single(TestExtracts.ReadAll<DisabilityRecord>(
            files.Csv("姓名,身份证号,残疾人证号,残疾类别,残疾等级", $"张三,{Id2},{Id1}11,听力,三级"), SourceKind.Disability));
        Assert.Equal(Id2, holder.Id.Text);
        Assert.Equal(DisabilityCategory.Hearing, holder.Category);
        Assert.Equal(3, holder.Level);
    }

    [Theory]
    [InlineData("视力", DisabilityCategory.Visual)]
    [InlineData("听力", DisabilityCategory.Hearing)]
    [InlineData("言语", DisabilityCategory.Speech)]
    [InlineData("肢体", DisabilityCategory.Physical)]
    [InlineData("智力", DisabilityCategory.Intellectual)]
    [InlineData("精神", DisabilityCategory.Mental)]
    [InlineData("多重", DisabilityCategory.Multiple)]
    [InlineData("1", DisabilityCategory.Visual)]
    [InlineData("2", DisabilityCategory.Hearing)]
    [InlineData("3", DisabilityCategory.Speech)]
    [InlineData("4", DisabilityCategory.Physical)]
    [InlineData("5", DisabilityCategory.Intellectual)]
    [InlineData("6", DisabilityCategory.Mental)]
    [InlineData("7", DisabilityCategory.Multiple)]
    public void Records_DisabilityCategorySpelling_Canonical(string spelling, DisabilityCategory expected) =>
        Assert.Equal(expected, Assert.Single(TestExtracts.ReadAll<DisabilityRecord>(
            files.Csv("姓名,身份证号,残疾类别,残疾等级", $"张三,{Id1},{spelling},1"), SourceKind.Disability)).Category);

    [Theory]
    [InlineData("一级", 1)]
    [InlineData("二级", 2)]
    [InlineData("三级", 3)]
    [InlineData("四级", 4)]
    [InlineData("1级", 1)]
    [InlineData("2级", 2)]
    [InlineData("3级", 3)]
    [InlineData("4级", 4)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("3", 3)]
    [InlineData("4", 4)]
    public void Records_DisabilityLevelSpelling_Canonical(string spelling, int expected) =>
        Assert.Equal(expected, Assert.Single(TestExtracts.ReadAll<DisabilityRecord>(
            files.Csv("姓名,身份证号,残疾类别,残疾等级", $"张三,{Id1},肢体,{spelling}"), SourceKind.Disability)).Level);

    [Fact]
    public void Records_DisabilityCategoryNotDerivable_Rejected()
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,残疾人证号,残疾类别,残疾等级", $"张三,{Id1},,,二级"), SourceKind.Disability);
        Assert.Empty(records);
        Assert.Equal(
            new RejectedRow(2, "残疾类别", "", "残疾类别为空，且无法从残疾人证号取得"),
            Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_DisabilityCertificateCategoryDigitZero_RejectedAtCategory()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,残疾人证号", $"张三,{Id1}02"), SourceKind.Disability);
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal("残疾类别", reject.Column);
        Assert.Equal("残疾类别为空，且无法从残疾人证号取得", reject.Reason);
    }

    [Fact]
    public void Records_DisabilityLevelUnknown_RejectedNamingColumn()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,残疾类别,残疾等级", $"张三,{Id1},肢体,五级"), SourceKind.Disability);
        Assert.Equal(new RejectedRow(2, "残疾等级", "五级", "无法识别的残疾等级"), Assert.Single(reading.Rejects));
    }

    [Fact]
    public void Records_DisabilityNoIdAndCertificateNotTwenty_Rejected()
    {
        var (reading, _) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,残疾人证号,残疾类别,残疾等级", $"张三,,{Id1},肢体,一级"), SourceKind.Disability);
        var reject = Assert.Single(reading.Rejects);
        Assert.Equal(("残疾人证号", Id1), (reject.Column, reject.Value));
        Assert.Contains("20", reject.Reason);
    }

    [Fact]
    public void Records_DisabilityInvalidIdInCertificate_KeptAsUnmatchedRecord()
    {
        var holder = Assert.Single(TestExtracts.ReadAll<DisabilityRecord>(files.Csv("姓名,残疾人证号", $"张三,{TestIds.WrongCheck(Id1)}42"), SourceKind.Disability));
        Assert.Equal(IdProblem.WrongCheckCharacter, holder.Id.Problem);
        Assert.Equal(DisabilityCategory.Physical, holder.Category);
    }
}
