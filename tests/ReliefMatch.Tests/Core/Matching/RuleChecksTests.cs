using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>Rule kinds declare what they read; the month prepares exactly that, and refuses what was not declared.</summary>
public class RuleChecksTests
{
    private static readonly ReportingMonth July = new(2023, 7);
    private static readonly string Zhang = Ids.Make("19560312", 131);

    [Fact]
    public void Kinds_EveryRuleKind_HasACheck()
    {
        Assert.Equal(RuleKinds.All.Order(), RuleChecks.Kinds.Order());
    }

    [Fact]
    public void Id_EveryKind_IsTheSpellingOfTheRuleFiles()
    {
        Assert.Equal(
            ["deceased-recipient", "duplicate-enrolment", "dibao-tekun-overlap", "low-income-medical", "low-income-severe-disability",
             "economic-check-overdue", "home-visit-overdue", "id-name-mismatch", "invalid-roster-id",
             "record-held", "amount-over-window", "enrolled-without-record", "value-shared",
             "paid-after-death", "paid-not-enrolled", "amount-mismatch", "kin-not-filed", "application-not-visited", "tag-monitored"],
            RuleKinds.All.Select(k => k.Id()));
        Assert.Equal(["roster", "police-deaths", "health-deaths", "disability", "medical", "monitoring"], SourceKinds.All.Select(k => k.Id()));
    }

    [Fact]
    public void Needs_ShippedRules_DeclareTheirSourcesAndMonthParts()
    {
        var deceased = RuleChecks.Needs(ShippedRules.Set.Find("deceased-recipient")!);
        Assert.Equal(MonthParts.DeathMatches, deceased.Parts);
        Assert.Equal([[SourceKind.Roster], [SourceKind.PoliceDeaths, SourceKind.HealthDeaths]], deceased.Sources.Select(g => g.ToArray()));
        var medical = RuleChecks.Needs(ShippedRules.Set.Find("low-income-medical")!);
        Assert.Equal(MonthParts.MedicalSettlements | MonthParts.DisabilityMatches, medical.Parts);
        Assert.Equal(12, medical.MedicalWindowMonths);
        var mismatch = RuleChecks.Needs(ShippedRules.Set.Find("id-name-mismatch")!);
        Assert.Equal(MonthParts.DeathMatches | MonthParts.DisabilityMatches | MonthParts.MedicalMismatches, mismatch.Parts);
        Assert.Equal(MonthParts.None, RuleChecks.Needs(ShippedRules.Set.Find("duplicate-enrolment")!).Parts);
    }

    [Fact]
    public void Prepare_OnlyDeclaredParts_OthersAreRefusedNotComputedOnTheFly()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Build();
        var month = MonthEvaluation.Prepare(data, July, MonthBuilder.County, [new RuleNeeds { Parts = MonthParts.DeathMatches }]);

        Assert.Empty(month.DeathMatches);
        Assert.Empty(month.MonitoringMatches);
        Assert.Single(month.Households);
        // A part no rule declared would be computed lazily by whichever check reads it first, racing with the
        // others: it is refused instead, on every run, naming what was missing.
        var e = Assert.Throws<InvalidOperationException>(() => month.DisabilityMatches);
        Assert.Contains("DisabilityMatches", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => month.Medical);
    }

    [Fact]
    public void Prepare_SeveralMedicalWindows_TheWidestIsScanned()
    {
        var data = new MonthBuilder().Roster(Zhang, "张三", "H1").Build();
        var month = MonthEvaluation.Prepare(data, July, MonthBuilder.County,
        [
            new RuleNeeds { Parts = MonthParts.MedicalSettlements, MedicalWindowMonths = 12 },
            new RuleNeeds { Parts = MonthParts.MedicalSettlements, MedicalWindowMonths = 24 },
            new RuleNeeds { Parts = MonthParts.MedicalMismatches },
        ]);

        Assert.Equal(new DateOnly(2021, 8, 1), month.MedicalWindowStart);
        Assert.True(month.WantsMedicalSettlements && month.WantsMedicalMismatches);
        Assert.Empty(month.Medical.Settlements);
    }
}
