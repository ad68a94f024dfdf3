using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>kin-not-filed, application-not-visited and tag-monitored.</summary>
public class StaffApplicationTagChecksTests
{
    private static readonly string Head = Ids.Make("19500312", 131);
    private static readonly string Son = Ids.Make("19800101", 351);
    private static readonly string Cadre = Ids.Make("19780101", 461);
    private static readonly string Stranger = Ids.Make("19900101", 571);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static MonthBuilder StaffMonth() => new MonthBuilder()
        .Roster(Head, "张三", "H1")
        .Roster(Stranger, "孙七", "H2")
        .Record("staff", Cadre, "张强", ("role", "村(社区)干部"), ("unit", "古城村委会"), ("post", "村委委员"))
        .Record("hukou", Cadre, "张强", ("hukou_no", "450326001234"))
        .Record("hukou", Head, "张三", ("hukou_no", "450326001234"))
        .Record("hukou", Stranger, "孙七", ("hukou_no", "450326009999"));

    [Fact]
    public void KinNotFiled_RelativeInTheStaffMembersHukou_FlaggedWithMaskedStaffAndHukouNo()
    {
        var month = StaffMonth().Record("kin-filings", Son, "张小三", ("filed_on", D(2023, 1, 1)));
        var finding = Assert.Single(ShippedRules.Run("kin-not-filed", month));
        Assert.Equal((Head, "H1"), (finding.IdNumber, finding.HouseholdId));
        Assert.Contains("与工作人员 张强（450326********", finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Cadre, finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("村(社区)干部，古城村委会，村委委员）同户，户号 450326001234", finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("：截至 2023-07-31 无本人备案记录", finding.Evidence[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2023, 7, 31, 0)]
    [InlineData(2023, 8, 1, 1)] // filed after end(P): not yet
    public void KinNotFiled_FilingOnOrBeforePeriodEnd_NoFlag(int y, int m, int d, int expected)
    {
        var month = StaffMonth().Record("kin-filings", Head, "张三", ("filed_on", D(y, m, d)));
        Assert.Equal(expected, ShippedRules.Run("kin-not-filed", month).Count);
    }

    [Fact]
    public void KinNotFiled_StaffMemberEnrolledHimself_Flagged_WithoutHukouOnlyStaff()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1").Roster(Cadre, "张强", "H5")
            .Record("staff", Cadre, "张强", ("role", "民政经办人员"))
            .Record("kin-filings", Son, "张小三", ("filed_on", D(2023, 1, 1)));
        var finding = Assert.Single(ShippedRules.Run("kin-not-filed", month));
        Assert.Equal(Cadre, finding.IdNumber);
        Assert.EndsWith("：本人在册（民政经办人员）", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KinNotFiled_NoFilingsSource_Skipped()
    {
        Assert.Single(FindingEngine.Skipped(StaffMonth().Build(), ShippedRules.Only("kin-not-filed")));
    }

    private static MonthBuilder Application(MonthBuilder month, string no, DateOnly accepted, DateOnly? visited = null, DateOnly? decided = null,
        string? township = "苏桥镇") =>
        month.Record("applications", Stranger, "孙七", ("application_no", no), ("channel", "网上自助申请"), ("programme", "rural-dibao"),
            ("accepted_on", accepted), ("visited_on", visited), ("decided_on", decided), ("decision", decided is null ? null : "同意"), ("township", township));

    [Theory]
    [InlineData(2023, 7, 1, 0)]   // 30 days before end(P): not more than
    [InlineData(2023, 6, 30, 1)]  // 31 days
    [InlineData(2023, 8, 1, 0)]   // accepted after end(P)
    public void ApplicationNotVisited_AcceptedMoreThanVisitDaysBefore(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run("application-not-visited", Application(new MonthBuilder(), "SQ1", D(y, m, d))).Count);
    }

    [Fact]
    public void ApplicationNotVisited_DecidedWithoutVisit_FlaggedAtOnce_VisitedNever()
    {
        var month = Application(new MonthBuilder(), "SQ1", D(2023, 7, 20), decided: D(2023, 7, 25));
        month = Application(month, "SQ2", D(2023, 5, 1), visited: D(2023, 5, 10), decided: D(2023, 5, 20));
        var finding = Assert.Single(ShippedRules.Run("application-not-visited", month));
        Assert.Equal(("SQ1", "苏桥镇", ""), (finding.Discriminator, finding.Township, finding.HouseholdId));
        Assert.EndsWith("：申请编号 SQ1，2023-07-20 受理（网上自助申请，农村低保），2023-07-25 已审批同意，无入户调查日期", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationNotVisited_RowWithoutTownship_PlacedByTheRosterHouseholdOfTheId()
    {
        var month = Application(new MonthBuilder().Roster(Stranger, "孙七", "H2", township: "罗锦镇"), "SQ1", D(2023, 5, 1), township: null);
        Assert.Equal("罗锦镇", Assert.Single(ShippedRules.Run("application-not-visited", month)).Township);
    }

    [Fact]
    public void ApplicationNotVisited_NoVisitColumn_Skipped()
    {
        var month = Application(new MonthBuilder(), "SQ1", D(2023, 5, 1)).WithoutColumn("applications", "visited_on");
        Assert.Contains("入户调查日期", Assert.Single(FindingEngine.Skipped(month.Build(), ShippedRules.Only("application-not-visited"))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TagMonitored_IdentifiedInThePeriod_Tagged()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", Programme.Edge)
            .Monitoring(Head, "张三", identifiedOn: D(2023, 7, 1))
            .Monitoring(Son, "张小三", identifiedOn: D(2023, 6, 30))
            .Monitoring(Stranger, "孙七", riskCleared: true, identifiedOn: D(2023, 7, 2))
            .Monitoring(Cadre, "张强", identifiedOn: D(2023, 7, 31));
        var findings = ShippedRules.Run("tag-monitored", month);
        // Sorted by township: the monitored person on no roster is placed by the monitoring record.
        Assert.Equal([(Cadre, "", "罗锦镇"), (Head, "H1", "苏桥镇")], findings.Select(f => (f.IdNumber, f.HouseholdId, f.Township)).ToArray());
        Assert.All(findings, f => Assert.Equal(Confidence.Exact, f.Confidence));
    }

    [Fact]
    public void TagMonitored_NoIdentifiedOnColumn_SkippedSoTheSheetComparesSnapshots()
    {
        var month = new MonthBuilder().Monitoring(Head, "张三");
        var skip = Assert.Single(FindingEngine.Skipped(month.Build(), ShippedRules.Only("tag-monitored")));
        Assert.Contains("识别时间", skip.Reason, StringComparison.Ordinal);
    }
}
