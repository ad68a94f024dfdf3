using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Identity;

public class IdTextTests
{
    private static readonly string Id = TestRecords.IdNumber(7);   // 450326195001011xx, valid
    private static readonly string Masked = ResidentId.Mask(TestRecords.IdNumber(7));

    [Theory]
    [InlineData("身份证号 {0} 登记姓名“李七”", "身份证号 {0} 登记姓名“李七”")]
    [InlineData("（身份证号“{0}”有误，按相近号码和姓名匹配）", "（身份证号“{0}”有误，按相近号码和姓名匹配）")]
    [InlineData("找到的表头：姓名、{0}、备注", "找到的表头：姓名、{0}、备注")]
    [InlineData("GET /county/findings?q={0}&full=1", "GET /county/findings?q={0}&full=1")]
    [InlineData("Key (id_number)=({0}) already exists.", "Key (id_number)=({0}) already exists.")]
    [InlineData("{0}", "{0}")]
    public void MaskIds_ValidIdAnywhere_Masked6Plus4(string template, string expected) =>
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, Masked), IdText.MaskIds(string.Format(CultureInfo.InvariantCulture, template, Id)));

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("11010519491231002x", "110105********002X")]
    [InlineData("经办人110105491231002说", "经办人110105*****1002说")]             // an old 15-digit ID
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "110105********002X")]      // full-width
    [InlineData("110105 19491231 002X 张三", "110105********002X 张三")]            // written in groups
    [InlineData("残疾人证号 11010519491231002X42", "残疾人证号 110105********002X42")] // an ID and two digits
    [InlineData("4503261949123100211", "450326*********0211")]                        // a digit too many
    public void MaskIds_DamagedOrOldIds_Masked(string text, string expected) =>
        Assert.Equal(expected, IdText.MaskIds(text));

    [Theory]
    [InlineData("花名册：身份证号“4.50326194108158E+17”被Excel转为数字，第15位以后已丢失", "花名册：身份证号“4.5032**********E+17”被Excel转为数字，第15位以后已丢失")]
    [InlineData("花名册：身份证号“45032619410815803”位数不对", "花名册：身份证号“450326*******5803”位数不对")]
    [InlineData("花名册：身份证号“45032619410815803O”含非法字符", "花名册：身份证号“450326********803O”含非法字符")]
    public void MaskIds_InvalidIdQuotedAfterTheWord_MaskedWhateverItsShape(string text, string expected) =>
        Assert.Equal(expected, IdText.MaskIds(text));

    [Theory]
    [InlineData("同时在保：临桂区 家庭编号 45032610420600002 农村低保")]   // a 17-digit 家庭编号
    [InlineData("公安户籍注销：2023-05-12 死亡；卫健死亡医学证明：2023-05-12 死亡")]
    [InlineData("医保结算：近12个月个人自付合计 123,456.78 元（3 笔）")]
    [InlineData("花名册：身份证号为空")]
    [InlineData("身份证号码、姓名、乡镇")]
    [InlineData("前10行中找不到花名册的必需列：乡镇；找到的表头：姓名")]
    [InlineData("")]
    public void MaskIds_NoId_Unchanged(string text) =>
        Assert.Equal(text, IdText.MaskIds(text));

    [Fact]
    public void MaskIds_EveryIdOfAText_AllMasked()
    {
        var other = TestRecords.IdNumber(8);
        var masked = IdText.MaskIds($"{Id}；{other}，{Id}");
        Assert.Equal($"{Masked}；{ResidentId.Mask(other)}，{Masked}", masked);
    }

    [Fact]
    public void HasIds_TextWithAndWithoutAnId()
    {
        Assert.True(IdText.HasIds($"值 {Id}"));
        Assert.False(IdText.HasIds("2023-07-04"));
        Assert.False(IdText.HasIds(null));
    }

    [Fact]
    public void MaskIds_EvidenceOfEveryKindThatQuotesAnId_NoFullIdLeft()
    {
        var swapped = ResidentIdParser.Parse(string.Concat(Id.AsSpan(0, 15), $"{Id[16]}{Id[15]}{Id[17]}"));
        DeathRecord Death(ParsedId id) => new() { Kind = SourceKind.PoliceDeaths, Row = 2, Name = "李七", Id = id, DeathDate = new DateOnly(2023, 5, 12), IsDeath = true };
        string[] texts =
        [
            EvidenceText.NameMismatch(Death(ResidentIdParser.Parse(Id)), "李八"),
            EvidenceText.InvalidId(ResidentIdParser.Parse(string.Concat(Id.AsSpan(0, 17), Id[17] == '0' ? "1" : "0"))),
            EvidenceText.InvalidId(ResidentIdParser.Parse(Id.AsSpan(0, 17))),
            EvidenceText.Death(Death(swapped), Confidence.Repaired),
            EvidenceText.Death(Death(ResidentIdParser.Parse(Id.AsSpan(0, 16))), Confidence.Probable),
        ];
        foreach (var text in texts)
        {
            var masked = IdText.MaskIds(text);
            Assert.Matches(@"\d{15}", text);
            Assert.DoesNotMatch(@"\d{11}", masked);
            Assert.Contains("450326*", masked, StringComparison.Ordinal);
        }
    }
}
