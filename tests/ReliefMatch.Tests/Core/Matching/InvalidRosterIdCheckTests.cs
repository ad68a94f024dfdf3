using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Tests.Core.Matching;

public class InvalidRosterIdCheckTests
{
    private const string Rule = "invalid-roster-id";
    private static readonly string Zhang = Ids.Make("19560312", 131);

    [Fact]
    public void Evaluate_MissingId_FindingWithEmptyId()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, new MonthBuilder().Roster(null, "张三", "H1")));
        Assert.Equal(("", "H1", "张三", "张三"), (finding.IdNumber, finding.HouseholdId, finding.Name, finding.Discriminator));
        Assert.Equal(new Evidence(SourceKind.Roster, 1, 2, "花名册：身份证号为空"), Assert.Single(finding.Evidence));
        Assert.Equal([Programme.RuralDibao], finding.Programmes);
        Assert.False(finding.FeedsDataWarning);
    }

    [Fact]
    public void Evaluate_WrongCheckCharacter_IdAsRead()
    {
        var typo = Ids.WithWrongDigit(Zhang, 17 - 1);
        var finding = Assert.Single(ShippedRules.Run(Rule, new MonthBuilder().Roster(typo, "张三", "H1")));
        Assert.Equal(typo, finding.IdNumber);
        Assert.Equal($"花名册：身份证号“{typo}”校验位错误", finding.Evidence[0].Text);
    }

    [Theory]
    [InlineData("4503261956031213")]
    [InlineData("450326195602301311")]
    [InlineData("45032619560312131A")]
    public void Evaluate_OtherInvalidForms_Flag(string id)
    {
        Assert.Single(ShippedRules.Run(Rule, new MonthBuilder().Roster(id, "张三", "H1")));
    }

    [Fact]
    public void Evaluate_ValidAndFifteenDigitIds_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "H1").Roster(Ids.To15(Ids.Make("19600101", 242)), "李四", "H1");
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_OtherCountyRow_Nothing()
    {
        Assert.Empty(ShippedRules.Run(Rule, new MonthBuilder().Roster(null, "张三", "L1", county: MonthBuilder.Neighbour)));
    }

    [Fact]
    public void Evaluate_StoppedHomeRow_Flags()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, new MonthBuilder().Roster(null, "张三", "H1", status: EnrolmentStatus.Stopped)));
        Assert.Empty(finding.Programmes);
    }

    [Fact]
    public void Evaluate_TwoMembersWithoutId_DistinctKeys()
    {
        var month = new MonthBuilder().Roster(null, "张三", "H1").Roster(null, "李四", "H1").Roster(null, "李四", "H1");
        var findings = ShippedRules.Run(Rule, month);
        Assert.Equal(3, findings.Select(f => f.Key).Distinct().Count());
    }
}
