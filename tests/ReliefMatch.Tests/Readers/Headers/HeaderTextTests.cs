using ReliefMatch.Readers.Headers;

namespace ReliefMatch.Tests.Readers.Headers;

public class HeaderTextTests
{
    [Theory]
    [InlineData(" 姓名 ", "姓名")]
    [InlineData("\t姓名\u3000", "姓名")]
    [InlineData("身份证\n号码", "身份证号码")]
    [InlineData("身份证\r\n号码", "身份证号码")]
    [InlineData("乡镇（街道）", "乡镇(街道)")]
    [InlineData("村（居）委会", "村(居)委会")]
    [InlineData("医疗总费用(元)", "医疗总费用")]
    [InlineData("医疗总费用（元）", "医疗总费用")]
    [InlineData("个人自付 （元）", "个人自付")]
    [InlineData("月保障金额(单位：元)", "月保障金额")]
    [InlineData("月保障金额（元/月）", "月保障金额")]
    [InlineData("县(区)", "县(区)")]
    [InlineData("总费用(万元)", "总费用(万元)")]
    [InlineData("(元)", "(元)")]
    [InlineData("", "")]
    public void Normalise_ContractVariants_Folded(string cell, string expected) => Assert.Equal(expected, HeaderText.Normalise(cell));
}
