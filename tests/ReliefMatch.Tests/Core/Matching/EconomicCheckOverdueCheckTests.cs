using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;

namespace ReliefMatch.Tests.Core.Matching;

public class EconomicCheckOverdueCheckTests
{
    private const string Rule = "economic-check-overdue";
    private static readonly string Head = Ids.Make("19560312", 131);
    private static readonly string Wife = Ids.Make("19580101", 242);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>Runs the rule on a roster that has the columns it reads (a household of another county fills them).</summary>
    private static IReadOnlyList<Finding> Run(MonthBuilder month, string period = "2023-07") =>
        ShippedRules.Run(Rule, month.WithEveryRosterColumn(), period);

    [Theory]
    [InlineData(2023, 1, 31, 0)] // + 6 months = 2023-07-31, not before end(P)
    [InlineData(2023, 1, 30, 1)] // + 6 months = 2023-07-30, before end(P)
    [InlineData(2023, 2, 1, 0)]
    public void Evaluate_CalendarMonthAdd_OverdueOnlyWhenBeforeEndOfPeriod(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, Run(new MonthBuilder().Roster(Head, "张三", "H1", lastCheck: D(y, m, d))).Count);
    }

    [Fact]
    public void Evaluate_EndOfFebruaryAndAugust_CalendarAdd()
    {
        // 2023-08-31 + 6 months = 2024-02-29 (leap), not before end(2024-02); 2023-08-28 + 6 = 2024-02-28 is.
        Assert.Empty(Run(new MonthBuilder().Roster(Head, "张三", "H1", lastCheck: D(2023, 8, 31)), "2024-02"));
        Assert.Single(Run(new MonthBuilder().Roster(Head, "张三", "H1", lastCheck: D(2023, 8, 28)), "2024-02"));
    }

    [Fact]
    public void Evaluate_MissingDate_OverdueWithEvidence()
    {
        var finding = Assert.Single(Run(new MonthBuilder().Roster(Head, "张三", "H1")));
        Assert.Equal(Head, finding.IdNumber);
        Assert.Equal("H1", finding.HouseholdId);
        Assert.False(finding.FeedsDataWarning);
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.Equal(new Evidence(SourceKind.Roster, 1, 2, "花名册：无经济状况核对日期"), Assert.Single(finding.Evidence));
    }

    [Fact]
    public void Evaluate_MembersDisagree_MostRecentDateWins()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", lastCheck: D(2022, 6, 1))
            .Roster(Wife, "李四", "H1", relation: "配偶", lastCheck: D(2023, 3, 1));
        Assert.Empty(Run(month));
        var overdue = new MonthBuilder().Roster(Head, "张三", "H1", lastCheck: D(2022, 6, 1))
            .Roster(Wife, "李四", "H1", relation: "配偶", lastCheck: D(2022, 12, 1));
        var finding = Assert.Single(Run(overdue));
        Assert.Equal(new Evidence(SourceKind.Roster, 1, 3, "花名册：最近一次经济状况核对 2022-12-01，已超过6个月"), finding.Evidence[0]);
    }

    [Fact]
    public void Evaluate_HeadIsTheHuzhuRow_NotTheFirstRow()
    {
        var month = new MonthBuilder().Roster(Wife, "李四", "H1", relation: "配偶").Roster(Head, "张三", "H1", relation: "户主");
        var finding = Assert.Single(Run(month));
        Assert.Equal((Head, "张三"), (finding.IdNumber, finding.Name));
    }

    [Fact]
    public void Evaluate_NoHeadMarked_FirstRow()
    {
        var month = new MonthBuilder().Roster(Wife, "李四", "H1", relation: "配偶").Roster(Head, "张三", "H1", relation: "子");
        Assert.Equal(Wife, Assert.Single(Run(month)).IdNumber);
    }

    [Fact]
    public void Evaluate_BenrenCountsAsHead()
    {
        var month = new MonthBuilder().Roster(Wife, "李四", "T1", Programme.Tekun, relation: null).Roster(Head, "张三", "T1", Programme.Tekun, relation: "本人");
        Assert.Equal(Head, Assert.Single(Run(month)).IdNumber);
    }

    [Fact]
    public void Evaluate_TekunHousehold_Flags()
    {
        var finding = Assert.Single(Run(new MonthBuilder().Roster(Head, "张三", "T1", Programme.Tekun)));
        Assert.Equal([Programme.Tekun], finding.Programmes);
    }

    [Fact]
    public void Evaluate_EdgeOrStoppedOrOtherCountyHousehold_Nothing()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "E1", Programme.Edge).Roster(Wife, "李四", "S1", status: EnrolmentStatus.Stopped)
            .Roster(Ids.Make("19700101", 111), "王五", "L1", county: MonthBuilder.Neighbour);
        Assert.Empty(Run(month));
    }

    [Fact]
    public void Evaluate_HouseholdWithOneEnrolledMember_UsesAllRowsForTheDate()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", status: EnrolmentStatus.Stopped, lastCheck: D(2023, 5, 1))
            .Roster(Wife, "李四", "H1", relation: "配偶");
        Assert.Empty(Run(month));
    }

    [Fact]
    public void Evaluate_HeadWithInvalidId_IdAsRead()
    {
        var finding = Assert.Single(Run(new MonthBuilder().Roster("45032619560312", "张三", "H1")));
        Assert.Equal("45032619560312", finding.IdNumber);
    }
}
