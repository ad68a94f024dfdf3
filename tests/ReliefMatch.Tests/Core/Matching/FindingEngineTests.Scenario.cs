using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>One month of a small county with every rule's cases and decoys together: the exact set of findings.</summary>
public partial class FindingEngineTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Evaluate_MixedMonth_ExactlyTheExpectedFindings()
    {
        var dead = Ids.Make("19400101", 111);        // dibao, police death in June
        var deadNoId = Ids.Make("19420202", 222);    // dibao, certificate without ID
        var deadLate = Ids.Make("19430303", 331);    // dibao, died in August: nothing
        var stopped = Ids.Make("19440404", 441);     // stopped, died: nothing
        var mover = Ids.Make("19800505", 551);       // dibao, moved away: nothing
        var son = Ids.Make("19700606", 661);         // dibao; his ID on his mother's certificate
        var twice = Ids.Make("19500707", 771);       // dibao here and in 临桂区
        var overlap = Ids.Make("19350808", 882);     // dibao and tekun
        var edge = Ids.Make("19600909", 991);        // edge member: medical 20 000.00
        var edgePoor = Ids.Make("19611010", 113);    // edge member: medical 19 999.99
        var monitored = Ids.Make("19751111", 125);   // monitored, off roster: severe disability
        var monitoredDibao = Ids.Make("19761212", 136); // monitored but in dibao: nothing
        var neighbour = Ids.Make("19300101", 147, "450322"); // neighbour county only: nothing

        var month = new MonthBuilder()
            .Roster(dead, "赵一", "A1", lastCheck: D(2023, 3, 1))
            .Roster(deadNoId, "钱二", "A2", lastCheck: D(2023, 3, 1))
            .Roster(deadLate, "孙三", "A3", lastCheck: D(2023, 3, 1))
            .Roster(stopped, "李四", "A4", status: EnrolmentStatus.Stopped, lastCheck: D(2022, 1, 1))
            .Roster(mover, "周五", "A5", lastCheck: D(2023, 3, 1), lastVisit: D(2023, 1, 30), incomeStable: false, workAbility: WorkAbility.Able)
            .Roster(son, "吴六", "A6", lastCheck: D(2023, 1, 31))
            .Roster(null, "吴母", "A6", relation: "母亲", lastCheck: D(2023, 1, 31))
            .Roster(twice, "郑七", "A7", lastCheck: D(2023, 3, 1))
            .Roster(twice, "郑七", "L7", county: MonthBuilder.Neighbour)
            .Roster(overlap, "王八", "A8", lastCheck: D(2023, 3, 1))
            .Roster(overlap, "王八", "T8", Programme.Tekun, lastCheck: D(2023, 3, 1))
            .Roster(edge, "冯九", "E9", Programme.Edge)
            .Roster(edgePoor, "陈十", "E10", Programme.Expenditure)
            .Roster(monitoredDibao, "褚十二", "A12", lastCheck: D(2023, 3, 1))
            .Roster(neighbour, "卫十三", "L13", county: MonthBuilder.Neighbour)
            .Monitoring(monitored, "蒋十一")
            .Monitoring(monitoredDibao, "褚十二")
            .PoliceDeath(dead, "赵一", D(2023, 6, 3))
            .HealthDeath(null, "钱二", D(2023, 7, 31), Sex.Female, D(1942, 2, 2))
            .PoliceDeath(deadLate, "孙三", D(2023, 8, 1))
            .PoliceDeath(stopped, "李四", D(2023, 5, 1))
            .PoliceDeath(mover, "周五", null, "迁出", D(2023, 6, 1))
            .HealthDeath(son, "吴母", D(2023, 6, 9))
            .HealthDeath(neighbour, "卫十三", D(2023, 7, 2))
            .Medical(edge, "冯九", D(2022, 8, 1), 10000m).Medical(edge, "冯九", D(2023, 7, 31), 10000m)
            .Medical(edgePoor, "陈十", D(2023, 1, 1), 19999.99m)
            .Medical(monitoredDibao, "褚十二", D(2023, 1, 1), 50000m)
            .Disability(monitored, "蒋十一", DisabilityCategory.Mental, 3)
            .Disability(edgePoor, "陈十", DisabilityCategory.Physical, 3);

        var findings = FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), ShippedRules.Set, MonthBuilder.County);
        var actual = findings.Select(f => $"{f.RuleId} {f.HouseholdId} {f.IdNumber}").Order(StringComparer.Ordinal).ToList();
        // Nobody is overdue for the economic check: A6's 2023-01-31 + 6 months is end(P) itself.
        string[] expected =
        [
            $"deceased-recipient A1 {dead}",
            $"deceased-recipient A2 {deadNoId}",
            $"dibao-tekun-overlap A8 {overlap}",
            $"dibao-tekun-overlap T8 {overlap}",
            $"duplicate-enrolment A7 {twice}",
            $"duplicate-enrolment A8 {overlap}",
            $"duplicate-enrolment T8 {overlap}",
            $"home-visit-overdue A5 {mover}",
            $"id-name-mismatch A6 {son}",
            "invalid-roster-id A6 ",
            $"low-income-medical E9 {edge}",
            $"low-income-severe-disability  {monitored}",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }
}
