using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Statistics;
using ReliefMatch.Tests.Core.Matching;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;

namespace ReliefMatch.Tests.Core.Statistics;

/// <summary>Each cell of docs/statistics.md at its boundaries, null when its source is missing, and the county as distinct persons.</summary>
public class SheetStatisticsTests
{
    private static readonly string Old = Ids.Make("19630731", 131);      // 60 on 2023-07-31 = end(P)
    private static readonly string Young = Ids.Make("19630801", 151);    // 60 on 2023-08-01: 59 at end(P)
    private static readonly string A = Ids.Make("19800101", 211);
    private static readonly string B = Ids.Make("19810101", 222);
    private static readonly string[] Townships = ["苏桥镇", "罗锦镇"];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static MonthStatistics Compute(MonthBuilder? roster = null, MonthBuilder? previous = null, MonthBuilder? monitoring = null,
        MonthBuilder? previousMonitoring = null, IReadOnlyList<CheckedFinding>? checkedFindings = null, IReadOnlyList<RunFinding>? findings = null,
        IReadOnlySet<string>? rulesRun = null, IReadOnlyDictionary<string, TownshipEntries>? entries = null) =>
        SheetStatistics.Compute(new StatisticsInput
        {
            HomeCountyCode = "450326",
            Period = July,
            HomeTownships = Townships,
            Findings = findings ?? [],
            Roster = roster?.Build().Roster,
            PreviousRoster = previous?.Build().Roster,
            Monitoring = monitoring?.Build().Monitoring,
            PreviousMonitoring = previousMonitoring?.Build().Monitoring,
            Checked = checkedFindings ?? [],
            RulesRun = rulesRun,
            Entries = entries ?? new Dictionary<string, TownshipEntries>(),
        });

    private static int? Duty(MonthStatistics s, string key, string? township = null) =>
        township is null ? s.County.Duty(key) : s.For(township)!.Duty(key);

    [Fact]
    public void NewEnrolments_EnrolledOnInTheMonth_BothEndsCountedNeighboursNot()
    {
        var roster = new MonthBuilder()
            .Roster(A, "甲", "H1", Programme.UrbanDibao, enrolledOn: D(2023, 7, 1))
            .Roster(B, "乙", "H2", Programme.RuralDibao, enrolledOn: D(2023, 7, 31))
            .Roster(Old, "丙", "H3", Programme.RuralDibao, enrolledOn: D(2023, 6, 30))
            .Roster(Young, "丁", "H4", Programme.RuralDibao, enrolledOn: D(2023, 8, 1))
            .Roster(Ids.Make("19700101", 991, MonthBuilder.Neighbour), "外", "N1", Programme.RuralDibao, county: MonthBuilder.Neighbour, enrolledOn: D(2023, 7, 5));
        var s = Compute(roster);
        Assert.Equal(1, Duty(s, "new_urban_dibao"));
        Assert.Equal(1, Duty(s, "new_rural_dibao"));
        Assert.Equal(1, Duty(s, "new_rural_dibao", "苏桥镇"));
        Assert.Equal(0, Duty(s, "new_rural_dibao", "罗锦镇"));
    }

    [Fact]
    public void NewEnrolments_NoEnrolledOnColumn_ComparedWithPreviousSnapshotElseNull()
    {
        var roster = new MonthBuilder().Roster(A, "甲", "H1").Roster(B, "乙", "H2");
        var previous = new MonthBuilder().Roster(A, "甲", "H1");
        Assert.Equal(1, Duty(Compute(roster, previous), "new_rural_dibao"));
        var first = Compute(roster);
        Assert.Null(Duty(first, "new_rural_dibao"));
        Assert.Null(Duty(first, "new_rural_dibao", "苏桥镇"));
        Assert.Contains(first.Missing, m => m.Cell.Key == "new_rural_dibao" && m.Sources.Contains(StatisticsSource.PreviousRoster));
    }

    [Fact]
    public void TekunToInstitution_AgeAndModeBoundaries()
    {
        var roster = new MonthBuilder()
            .Roster(Old, "老", "T1", Programme.Tekun, supportMode: SupportMode.Centralised)
            .Roster(Young, "少", "T2", Programme.Tekun, supportMode: SupportMode.Centralised)
            .Roster(A, "甲", "T3", Programme.Tekun, supportMode: SupportMode.Centralised);
        var previous = new MonthBuilder()
            .Roster(Old, "老", "T1", Programme.Tekun, supportMode: SupportMode.Dispersed)
            .Roster(Young, "少", "T2", Programme.Tekun, supportMode: SupportMode.Dispersed);
        Assert.Equal(1, Duty(Compute(roster, previous), "tekun_to_institution")); // A is under 60; Young is 59
        var alreadyIn = new MonthBuilder().Roster(Old, "老", "T1", Programme.Tekun, supportMode: SupportMode.Centralised);
        Assert.Equal(0, Duty(Compute(roster, alreadyIn), "tekun_to_institution"));
        var notTekun = new MonthBuilder().Roster(Old, "老", "H9", Programme.RuralDibao);
        Assert.Equal(1, Duty(Compute(roster, notTekun), "tekun_to_institution"));
        Assert.Null(Duty(Compute(roster), "tekun_to_institution"));
    }

    [Fact]
    public void TekunVisited_DispersedElderlyWhoseHouseholdWasVisitedInTheMonth()
    {
        var roster = new MonthBuilder()
            .Roster(Old, "老", "T1", Programme.Tekun, supportMode: SupportMode.Dispersed, lastVisit: D(2023, 7, 1))
            .Roster(Young, "少", "T2", Programme.Tekun, supportMode: SupportMode.Dispersed, lastVisit: D(2023, 7, 31))
            .Roster(Ids.Make("19500101", 311), "丙", "T3", Programme.Tekun, supportMode: SupportMode.Dispersed, lastVisit: D(2023, 6, 30))
            .Roster(Ids.Make("19500101", 322), "丁", "T4", Programme.Tekun, supportMode: SupportMode.Centralised, lastVisit: D(2023, 7, 10));
        Assert.Equal(1, Duty(Compute(roster), "tekun_visited"));
        var noVisitColumn = new MonthBuilder().Roster(Old, "老", "T1", Programme.Tekun, supportMode: SupportMode.Dispersed);
        Assert.Null(Duty(Compute(noVisitColumn), "tekun_visited"));
    }

    [Fact]
    public void EconomicCheckedAndHomeVisited_HouseholdDateInTheMonth_LatestOfTheMembers()
    {
        var roster = new MonthBuilder()
            .Roster(A, "甲", "H1", lastCheck: D(2023, 7, 1), lastVisit: D(2023, 6, 30))
            .Roster(B, "乙", "H1", relation: "配偶", lastVisit: D(2023, 7, 31))
            .Roster(Old, "丙", "H2", Programme.Edge, lastCheck: D(2023, 7, 5), lastVisit: D(2023, 8, 1))
            .Roster(Young, "丁", "H3", lastCheck: D(2023, 6, 30));
        var s = Compute(roster);
        Assert.Equal(2, Duty(s, "economic_checked")); // 甲 and 乙 (H1); 丙 is 边缘, not dibao or tekun
        Assert.Equal(2, Duty(s, "home_visited"));     // H1's latest visit 2023-07-31; H2's is in August
        Assert.Null(Duty(Compute(new MonthBuilder().Roster(A, "甲", "H1")), "economic_checked"));
    }

    [Fact]
    public void MonitoredToDibao_NewEnrolmentsOfMonitoredPersonsOnly()
    {
        var roster = new MonthBuilder()
            .Roster(A, "甲", "H1", enrolledOn: D(2023, 7, 3))
            .Roster(B, "乙", "H2", enrolledOn: D(2023, 7, 3))
            .Roster(Old, "丙", "T1", Programme.Tekun, enrolledOn: D(2023, 7, 3));
        var monitoring = new MonthBuilder().Monitoring(A, "甲").Monitoring(B, "乙", riskCleared: true).Monitoring(Old, "丙");
        var s = Compute(roster, monitoring: monitoring);
        Assert.Equal(1, Duty(s, "monitored_to_dibao"));
        Assert.Equal(1, Duty(s, "monitored_to_tekun"));
        Assert.Null(Duty(Compute(roster), "monitored_to_dibao"));
    }

    [Fact]
    public void Tags_RuleFindingsFirstRaisedInTheMonth_NullWhenTheRuleDidNotRun()
    {
        Finding Medical(string id, string township) => Make(id, township, rule: "low-income-medical", feedsDataWarning: false, household: "");
        var findings = new[] { Run(Medical(A, "苏桥镇")), Run(Medical(A, "罗锦镇")), Run(Medical(B, "苏桥镇"), June) };
        var ran = new HashSet<string> { "low-income-medical" };
        var s = Compute(findings: findings, rulesRun: ran);
        Assert.Equal(1, s.County.Tag("medical")); // A once in the county, B first raised in June
        Assert.Equal(1, s.For("苏桥镇")!.Tag("medical"));
        Assert.Equal(1, s.For("罗锦镇")!.Tag("medical"));
        Assert.Null(s.County.Tag("disability"));
        Assert.Null(s.County.Tag("total")); // graduate, housing, relocated have no source yet
        Assert.Contains(s.Missing, m => m.Cell.Path == "tags.total" && m.Sources.Contains(StatisticsSource.Students));
        Assert.Null(Compute(findings: findings).County.Tag("medical"));
        Assert.Equal(0, s.County.DataWarning.Total); // a 标记 tag is not 数据预警
    }

    [Fact]
    public void TagsCounted_PersonsOfTheTagsThatHaveASource_OnceEach_NullWhenNone()
    {
        Finding Tagged(string id, string township, string rule) => Make(id, township, rule: rule, feedsDataWarning: false, household: "");
        var findings = new[]
        {
            Run(Tagged(A, "苏桥镇", "low-income-medical")), Run(Tagged(A, "苏桥镇", "low-income-severe-disability")),
            Run(Tagged(B, "罗锦镇", "low-income-severe-disability")), Run(Tagged(Old, "罗锦镇", "low-income-medical"), June),
        };
        var s = Compute(findings: findings, rulesRun: new HashSet<string> { "low-income-medical", "low-income-severe-disability" });

        Assert.Null(s.County.Tag("total")); // the sheet's cell stays blank while a tag lacks its source
        Assert.Equal(2, s.County.TagsCounted); // A (two tags) once, B; Old was first raised in June
        Assert.Equal(1, s.For("苏桥镇")!.TagsCounted);
        Assert.Equal(1, s.For("罗锦镇")!.TagsCounted);
        Assert.Null(Compute(findings: findings).County.TagsCounted); // no tag could be counted at all
    }

    [Fact]
    public void Tags_TheShippedTagRulesRunOnTheMonth_EachCellAndTheTotalCounted()
    {
        // The path of a run: the shipped tag rules evaluated on a month, their findings counted in the sheet's 标记 cells.
        var month = new MonthBuilder()
            .Roster(A, "甲", "H1", Programme.Edge)
            .Roster(B, "乙", "H2", Programme.RuralDibao, township: "罗锦镇")
            .Monitoring(A, "甲", identifiedOn: D(2023, 7, 3))
            .Record("students", A, "甲", ("stage", "本科"), ("status", "毕业"), ("graduated_on", D(2023, 6, 30)), ("employment", "未就业"))
            .Record("housing-aid", B, "乙", ("aid_type", "农村危房改造"), ("approved_on", D(2023, 7, 10)))
            .Record("relocation", B, "乙", ("site", "城东安置区"));
        var tagRules = ShippedRules.Set.Rules.Where(r => SheetCells.IsTagRule(r.Id)).ToList();
        var findings = FindingEngine.Evaluate(month.Build(), July, RuleSet.From(tagRules), MonthBuilder.County).Select(f => Run(f)).ToList();
        // The medical and disability rules lack their sources here; taken as run and finding nobody, so that the total is counted.
        var ran = tagRules.Select(r => r.Id).ToHashSet();
        var s = Compute(monitoring: month, findings: findings, rulesRun: ran);
        Assert.Equal((1, 1, 1, 1), (s.County.Tag("monitored"), s.County.Tag("graduate"), s.County.Tag("housing"), s.County.Tag("relocated")));
        Assert.Equal((0, 0), (s.County.Tag("medical"), s.County.Tag("disability")));
        Assert.Equal(2, s.County.Tag("total")); // 甲 (monitored, graduate) and 乙 (housing, relocated), once each
        Assert.Equal(1, s.For("罗锦镇")!.Tag("total"));
        Assert.Equal(0, s.County.DataWarning.Total);
    }

    [Fact]
    public void TagMonitored_IdentifiedOnInTheMonthElsePreviousSnapshot()
    {
        var dated = new MonthBuilder().Monitoring(A, "甲", identifiedOn: D(2023, 7, 31)).Monitoring(B, "乙", identifiedOn: D(2023, 6, 30))
            .Monitoring(Old, "丙", riskCleared: true, identifiedOn: D(2023, 7, 2));
        Assert.Equal(1, Compute(monitoring: dated).County.Tag("monitored"));
        var undated = new MonthBuilder().Monitoring(A, "甲").Monitoring(B, "乙");
        Assert.Equal(1, Compute(monitoring: undated, previousMonitoring: new MonthBuilder().Monitoring(B, "乙")).County.Tag("monitored"));
        Assert.Null(Compute(monitoring: undated).County.Tag("monitored"));
        Assert.Null(Compute().County.Tag("monitored"));
    }

    [Fact]
    public void WarningsVisited_CheckedInTheMonth_DataWarningOrTagOnly()
    {
        CheckedFinding[] checkedFindings =
        [
            new("deceased-recipient", A, "苏桥镇", true, D(2023, 7, 1)),
            new("duplicate-enrolment", A, "罗锦镇", true, D(2023, 7, 31)),
            new("low-income-medical", B, "苏桥镇", false, D(2023, 7, 15)),
            new("economic-check-overdue", Old, "苏桥镇", false, D(2023, 7, 15)),
            new("deceased-recipient", Young, "苏桥镇", true, D(2023, 8, 1)),
        ];
        var s = Compute(checkedFindings: checkedFindings);
        Assert.Equal(2, Duty(s, "warnings_visited")); // A once, B
        Assert.Equal(2, Duty(s, "warnings_visited", "苏桥镇"));
        Assert.Equal(1, Duty(s, "warnings_visited", "罗锦镇")); // townships add up to 3: the county counts A once
    }

    [Fact]
    public void SourcesNotReadYet_AlwaysNullWithTheSourceNamed()
    {
        var s = Compute(new MonthBuilder().Roster(A, "甲", "H1", enrolledOn: D(2023, 7, 1)));
        foreach (var key in new[] { "exit_to_dibao", "exit_to_tekun", "exit_temporary_aid", "monitored_temporary_aid", "approvals_visited", "online_applications", "kin_filed" })
        {
            Assert.Null(Duty(s, key));
            Assert.Null(Duty(s, key, "苏桥镇"));
        }
        Assert.Equal([StatisticsSource.KinFilings], s.Missing.Single(m => m.Cell.Key == "kin_filed").Sources);
        Assert.Equal([StatisticsSource.Applications], s.Missing.Single(m => m.Cell.Key == "online_applications").Sources);
    }

    [Fact]
    public void EnteredCells_TownshipsOwnCountySumNullWhenNoneEntered()
    {
        var entries = new Dictionary<string, TownshipEntries>
        {
            ["苏桥镇"] = new(D(2023, 7, 5), new Dictionary<string, int> { ["persons_educated"] = 3, ["warning_sessions"] = 1 }),
            ["罗锦镇"] = new(null, new Dictionary<string, int> { ["persons_educated"] = 2 }),
        };
        var s = Compute(entries: entries);
        Assert.Equal(5, Duty(s, "persons_educated"));
        Assert.Equal(1, Duty(s, "warning_sessions"));
        Assert.Null(Duty(s, "warning_sessions", "罗锦镇"));
        Assert.Null(Duty(s, "cases_published"));
        Assert.Equal(D(2023, 7, 5), s.For("苏桥镇")!.MeetingOn);
        Assert.Null(s.For("罗锦镇")!.MeetingOn);
        Assert.Contains(s.Missing, m => m.Cell.Key == "cases_published" && m.Sources.SequenceEqual([StatisticsSource.TownshipEntry]));
        Assert.DoesNotContain(s.Missing, m => m.Cell.Key == "persons_educated");
    }

    [Fact]
    public void IsElderly_SixtiethBirthdayOnEndOfMonthCountsDayAfterDoesNot()
    {
        var rows = new MonthBuilder().Roster(Old, "老", "T1").Roster(Young, "少", "T2").Roster(null, "无", "T3").Build().Roster;
        Assert.True(SheetStatistics.IsElderly(rows[0], July.Last));
        Assert.False(SheetStatistics.IsElderly(rows[1], July.Last));
        Assert.False(SheetStatistics.IsElderly(rows[2], July.Last));
    }
}
