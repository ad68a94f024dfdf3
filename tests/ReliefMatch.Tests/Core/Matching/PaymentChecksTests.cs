using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>The checks over the 一卡通 payments: paid-after-death, paid-not-enrolled, enrolled-not-paid, amount-mismatch, shared-account.</summary>
public class PaymentChecksTests
{
    private static readonly string Head = Ids.Make("19500312", 131);
    private static readonly string Wife = Ids.Make("19520101", 242);
    private static readonly string Other = Ids.Make("19800101", 351);
    private static readonly string OtherWife = Ids.Make("19820101", 462);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static MonthBuilder Pay(MonthBuilder month, string? id, string name, int y, int m, decimal amount, string item = "农村低保",
        string account = "6217000011112222333", string? household = null) =>
        month.Record("payments", id, name, ("paid_month", new ReportingMonth(y, m)), ("amount", amount), ("item", Programme(item)),
            ("account", account), ("household_id", household));

    /// <summary>The item as the reader stores it: the programme's canonical id, any other item as read.</summary>
    private static string Programme(string item) => CodeLists.TryProgramme(item, out var p) ? p.Id() : item;

    private static MonthBuilder Household(decimal? amount = 300m) => new MonthBuilder()
        .Roster(Head, "张三", "H1", monthlyAmount: amount)
        .Roster(Wife, "李四", "H1", relation: "配偶", monthlyAmount: amount);

    [Fact]
    public void PaidAfterDeath_MonthsAfterTheDeathMonth_TotalAsValue()
    {
        var month = Household().PoliceDeath(Head, "张三", D(2023, 5, 12)).HealthDeath(Head, "张三", D(2023, 5, 20));
        for (var m = 4; m <= 8; m++)
        {
            month = Pay(month, Head, "张三", 2023, m, 300m);
        }
        var finding = Assert.Single(ShippedRules.Run("paid-after-death", month));
        Assert.Equal((Head, "H1", "苏桥镇"), (finding.IdNumber, finding.HouseholdId, finding.Township));
        Assert.False(finding.FeedsDataWarning);
        var overpaid = Assert.Single(finding.Evidence, e => e.Amount is not null);
        Assert.Equal(600m, overpaid.Amount);
        Assert.Equal([new ReportingMonth(2023, 6), new ReportingMonth(2023, 7)], overpaid.Months);
        Assert.EndsWith("：2023-05-12 死亡后仍发放 2023-06、2023-07，共2个月，合计 600.00 元，应予追回", overpaid.Text, StringComparison.Ordinal);
        Assert.Equal(2, finding.Evidence.Count(e => e.Source.Id == "payments" && e.Amount is null));
    }

    [Fact]
    public void PaidAfterDeath_PaidOnlyForTheMonthOfDeath_NoFlag()
    {
        var month = Pay(Household().PoliceDeath(Head, "张三", D(2023, 6, 30)), Head, "张三", 2023, 6, 300m);
        Assert.Empty(ShippedRules.Run("paid-after-death", month));
        Assert.Single(ShippedRules.Run("paid-after-death", Pay(month, Head, "张三", 2023, 7, 300m)));
    }

    [Fact]
    public void PaidAfterDeath_StoppedPersonStillPaid_Flagged()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", status: EnrolmentStatus.Stopped).PoliceDeath(Head, "张三", D(2023, 3, 1));
        Assert.Single(ShippedRules.Run("paid-after-death", Pay(month, Head, "张三", 2023, 7, 300m)));
    }

    [Fact]
    public void PaidNotEnrolled_UrbanAndRuralToldApart_StoppedOrUnknownFlagged()
    {
        var month = Household();
        month = Pay(month, Head, "张三", 2023, 7, 300m);                  // enrolled rural: fine
        month = Pay(month, Wife, "李四", 2023, 7, 300m, "城市低保");        // rural, paid urban
        month = Pay(month, Other, "王五", 2023, 7, 300m);                 // on no roster
        month = Pay(month, Other, "王五", 2023, 6, 300m);                 // another month
        month = Pay(month, Other, "王五", 2023, 7, 100m, "耕地地力保护补贴"); // not assistance
        var findings = ShippedRules.Run("paid-not-enrolled", month);
        Assert.Equal([(Wife, "urban-dibao"), (Other, "rural-dibao")], findings.Select(f => (f.IdNumber, f.Discriminator)).OrderBy(x => x.Item1 == Other).ToArray());
        Assert.EndsWith("花名册：本县无该身份证号的城市低保在保记录", findings.Single(f => f.IdNumber == Wife).Evidence[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnrolledNotPaid_OnlyWhenThePaymentsHaveTheMonth()
    {
        var other = new MonthBuilder().Roster(Head, "张三", "H1").Roster(Other, "王五", "H2");
        Assert.Empty(ShippedRules.Run("enrolled-not-paid", Pay(other, Head, "张三", 2023, 6, 300m)));
        var finding = Assert.Single(ShippedRules.Run("enrolled-not-paid", Pay(other, Head, "张三", 2023, 7, 300m)));
        Assert.Equal((Other, "H2", "rural-dibao"), (finding.IdNumber, finding.HouseholdId, finding.Discriminator));
        Assert.EndsWith("：2023-07 无农村低保发放记录（在保成员 1 人：王五）", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnrolledNotPaid_PaidToAnyMemberOrCarryingTheHousehold_OrPhasingOut_NoFlag()
    {
        var month = Household().Roster(Other, "王五", "H2").Roster(OtherWife, "赵六", "H3", status: EnrolmentStatus.PhasingOut);
        month = Pay(month, Wife, "李四", 2023, 7, 600m);
        month = Pay(month, Ids.Make("19900101", 571), "代领人", 2023, 7, 300m, household: "H2");
        Assert.Empty(ShippedRules.Run("enrolled-not-paid", month));
    }

    [Theory]
    [InlineData(601.00, 0)]
    [InlineData(599.00, 0)]
    [InlineData(601.01, 1)]
    [InlineData(500.00, 1)]
    public void AmountMismatch_Tolerance_BothSides(decimal paid, int expected)
    {
        var month = Pay(Pay(Household(), Head, "张三", 2023, 7, paid - 300m), Wife, "李四", 2023, 7, 300m);
        var findings = ShippedRules.Run("amount-mismatch", month);
        Assert.Equal(expected, findings.Count);
        if (expected == 1)
        {
            Assert.Equal(paid - 600m, findings[0].Evidence[0].Amount);
            Assert.Contains("花名册月保障金额合计 600.00 元（2人）", findings[0].Evidence[0].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AmountMismatch_MemberWithoutMonthlyAmount_NotCompared()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", monthlyAmount: 300m).Roster(Wife, "李四", "H1", relation: "配偶", monthlyAmount: null);
        Assert.Empty(ShippedRules.Run("amount-mismatch", Pay(month, Head, "张三", 2023, 7, 900m)));
    }

    [Fact]
    public void AmountMismatch_RosterWithoutMonthlyAmounts_Skipped()
    {
        var month = Pay(Household(amount: null), Head, "张三", 2023, 7, 900m);
        Assert.Single(FindingEngine.Skipped(month.Build(), ShippedRules.Only("amount-mismatch")));
    }

    [Fact]
    public void SharedAccount_TwoHouseholds_OneFindingPerHousehold()
    {
        var month = Household().Roster(Other, "王五", "H2");
        month = Pay(month, Head, "张三", 2023, 7, 300m, account: "6217000099998888777");
        month = Pay(month, Wife, "李四", 2023, 7, 300m, account: "6217000099998888777");
        Assert.Empty(ShippedRules.Run("shared-account", month));
        month = Pay(month, Other, "王五", 2023, 6, 300m, account: "6217000099998888777");
        Assert.Empty(ShippedRules.Run("shared-account", month));
        month = Pay(month, Other, "王五", 2023, 7, 300m, account: "6217000099998888777");
        var findings = ShippedRules.Run("shared-account", month);
        Assert.Equal(["H1", "H2"], findings.Select(f => f.HouseholdId).Order().ToArray());
        Assert.All(findings, f => Assert.Equal("6217000099998888777", f.Discriminator));
        Assert.Contains("收到 2 户在保人员的款项（家庭编号 H1、H2）", findings[0].Evidence[0].Text, StringComparison.Ordinal);
    }
}
