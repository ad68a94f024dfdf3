using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Tests.Core.Matching;

public class HomeVisitOverdueCheckTests
{
    private const string Rule = "home-visit-overdue";
    private static readonly string Head = Ids.Make("19560312", 131);
    private static readonly string Son = Ids.Make("19850101", 151);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>Runs the rule on a roster that has the columns it reads (a household of another county fills them).</summary>
    private static IReadOnlyList<Finding> Run(MonthBuilder month, string period = "2023-07") =>
        ShippedRules.Run(Rule, month.WithEveryRosterColumn(), period);

    private static MonthBuilder Household(DateOnly? visit = null, bool? stable = false, WorkAbility? sonAbility = WorkAbility.Able,
        Programme programme = Programme.RuralDibao) =>
        new MonthBuilder().Roster(Head, "张三", "H1", programme, workAbility: WorkAbility.Unable, incomeStable: stable, lastVisit: visit)
            .Roster(Son, "张小三", "H1", programme, relation: "子", workAbility: sonAbility, incomeStable: stable, lastVisit: visit);

    [Fact]
    public void Evaluate_UnstableIncomeAbleMemberNoVisit_Flags()
    {
        var finding = Assert.Single(Run(Household()));
        Assert.Equal((Head, "H1"), (finding.IdNumber, finding.HouseholdId));
        Assert.False(finding.FeedsDataWarning);
        Assert.Equal("花名册：收入不稳定，有劳动能力成员 1 人；无入户调查日期", Assert.Single(finding.Evidence).Text);
    }

    [Theory]
    [InlineData(2023, 1, 31, 0)]
    [InlineData(2023, 1, 30, 1)]
    public void Evaluate_CalendarMonthAdd_Boundary(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, Run(Household(D(y, m, d))).Count);
    }

    [Fact]
    public void Evaluate_StableIncome_Nothing()
    {
        Assert.Empty(Run(Household(stable: true)));
        Assert.Empty(Run(Household(stable: null)));
    }

    [Fact]
    public void Evaluate_MembersDisagreeOnIncome_AnyNoCounts()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", incomeStable: true, workAbility: WorkAbility.Able)
            .Roster(Son, "张小三", "H1", relation: "子", incomeStable: false);
        Assert.Single(Run(month));
    }

    [Theory]
    [InlineData(WorkAbility.PartlyAble)]
    [InlineData(WorkAbility.Unable)]
    [InlineData(null)]
    public void Evaluate_NoAbleMember_Nothing(WorkAbility? ability)
    {
        Assert.Empty(Run(Household(sonAbility: ability)));
    }

    [Fact]
    public void Evaluate_TekunHousehold_Nothing()
    {
        Assert.Empty(Run(Household(programme: Programme.Tekun)));
    }

    [Fact]
    public void Evaluate_UrbanDibao_Flags()
    {
        Assert.Single(Run(Household(D(2022, 12, 1), programme: Programme.UrbanDibao)));
    }

    [Fact]
    public void Evaluate_MembersDisagreeOnVisit_MostRecentWins()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", incomeStable: false, workAbility: WorkAbility.Able, lastVisit: D(2022, 1, 1))
            .Roster(Son, "张小三", "H1", relation: "子", lastVisit: D(2023, 4, 1));
        Assert.Empty(Run(month));
    }

    [Fact]
    public void Evaluate_OtherCountyHousehold_Nothing()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "L1", county: MonthBuilder.Neighbour, incomeStable: false, workAbility: WorkAbility.Able);
        Assert.Empty(Run(month));
    }
}
