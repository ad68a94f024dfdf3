using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Tests.Readers;

/// <summary>The ID forms of docs/sources.md ("Resident ID numbers") as they arrive in CSV cells.</summary>
public sealed partial class ExtractReaderTests
{
    public static TheoryData<string, string> IdFormsOfTheSameId()
    {
        var id = TestIds.Make("19800101", 123);
        var x = TestIds.WithCheckX();
        var fullWidth = new string(id.Select(c => (char)(c + 0xFEE0)).ToArray());
        return new TheoryData<string, string>
        {
            { id, id },
            { x[..17] + "x", x },
            { fullWidth, id },
            { $"{id[..6]} {id[6..14]} {id[14..]}", id },
            { "'" + id, id },
            { "\t" + id, id },
            { $" {id} ", id },
            { $"=\"{id}\"", id },
            { id[..6] + id[8..17], id },
        };
    }

    [Theory]
    [MemberData(nameof(IdFormsOfTheSameId))]
    public void Records_IdFormatting_NormalisedToTheValidId(string cell, string expected)
    {
        var path = files.Csv("姓名,身份证号,结算日期", $"张三,\"{cell.Replace("\"", "\"\"")}\",2023-07-04");
        var record = Assert.Single(TestExtracts.ReadAll(path, SourceKind.Medical).Records);
        Assert.True(record.Id.IsValid, record.Id.Problem.ToString());
        Assert.Equal(expected, record.Id.Text);
        Assert.Equal(cell.Length == 15, record.Id.UpgradedFrom15);
    }

    [Theory]
    [InlineData("4.50326E+17")]
    [InlineData("4.50326198001011E+17")]
    [InlineData("450326198001011000")]
    public void Records_IdExcelDamaged_RejectedWithReason(string cell)
    {
        var (reading, records) = TestExtracts.ReadAll(files.Csv("姓名,身份证号,结算日期", $"张三,{cell},2023-07-04"), SourceKind.Medical);
        Assert.Empty(records);
        Assert.Equal(new RejectedRow(2, "身份证号", cell, "身份证号被Excel转为数字，15位后的数字已丢失，无法恢复"), Assert.Single(reading.Rejects));
    }

    [Theory]
    [InlineData("450326198001011238", IdProblem.WrongCheckCharacter)]
    [InlineData("450326198013011231", IdProblem.ImpossibleBirthDate)]
    [InlineData("4503261980010112391", IdProblem.WrongLength)]
    [InlineData("45032619800101123A", IdProblem.NotDigits)]
    public void Records_DepartmentalInvalidId_AcceptedAsUnmatchedRecord(string cell, IdProblem problem)
    {
        var record = Assert.Single(TestExtracts.ReadAll(files.Csv("姓名,身份证号,结算日期", $"张三,{cell},2023-07-04"), SourceKind.Medical).Records);
        Assert.False(record.Id.IsValid);
        Assert.Equal(problem, record.Id.Problem);
    }
}
