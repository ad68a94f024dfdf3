using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

public class DeceasedRecipientCheckTests
{
    private const string Rule = "deceased-recipient";
    private static readonly string Zhang = Ids.Make("19560312", 131);
    private static readonly DateOnly Died = new(2023, 5, 12);

    private static MonthBuilder Recipient(EnrolmentStatus status = EnrolmentStatus.Active) =>
        new MonthBuilder().Roster(Zhang, "张三", "H1", status: status);

    [Fact]
    public void Evaluate_PoliceDeathBeforePeriodEnd_OneFindingWithEvidence()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张三", Died)));
        Assert.Equal(Rule, finding.RuleId);
        Assert.Equal(1, finding.RuleVersion);
        Assert.Equal(Zhang, finding.IdNumber);
        Assert.Equal("H1", finding.HouseholdId);
        Assert.Equal("张三", finding.Name);
        Assert.Equal("苏桥镇", finding.Township);
        Assert.Equal("古城村", finding.Village);
        Assert.Equal([Programme.RuralDibao], finding.Programmes);
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.True(finding.FeedsDataWarning);
        Assert.Equal(15, finding.DueDays);
        Assert.StartsWith("核实死亡事实", finding.SuggestedAction, StringComparison.Ordinal);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(new Evidence(SourceKind.PoliceDeaths, 2, 3, "公安户籍注销：2023-05-12 死亡"), evidence);
    }

    [Fact]
    public void Evaluate_HealthCertificate_Flags()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().HealthDeath(Zhang, "张三", Died)));
        Assert.Equal("卫健死亡医学证明：2023-05-12 死亡", Assert.Single(finding.Evidence).Text);
    }

    [Theory]
    [InlineData("2023-07-31", 1)]
    [InlineData("2023-08-01", 0)]
    [InlineData("2019-01-01", 1)]
    public void Evaluate_DeathDateAgainstPeriodEnd_FlagsOnlyUpToEndOfMonth(string date, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张三", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))).Count);
    }

    [Fact]
    public void Evaluate_StoppedRecipient_Nothing()
    {
        Assert.Empty(ShippedRules.Run(Rule, Recipient(EnrolmentStatus.Stopped).PoliceDeath(Zhang, "张三", Died)));
    }

    [Fact]
    public void Evaluate_PhasingOutRecipient_Flags()
    {
        Assert.Single(ShippedRules.Run(Rule, Recipient(EnrolmentStatus.PhasingOut).PoliceDeath(Zhang, "张三", Died)));
    }

    [Fact]
    public void Evaluate_AnotherCountysRecipient_Nothing()
    {
        var month = new MonthBuilder().Roster(Zhang, "张三", "L1", county: MonthBuilder.Neighbour).PoliceDeath(Zhang, "张三", Died);
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Theory]
    [InlineData("迁出")]
    [InlineData("出国(境)定居")]
    [InlineData("服兵役")]
    public void Evaluate_PoliceCancellationForOtherReason_Nothing(string reason)
    {
        Assert.Empty(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张三", null, reason, cancelled: Died)));
    }

    [Fact]
    public void Evaluate_PoliceRowWithoutDeathDate_CancellationDateStandsIn()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张三", null, cancelled: new DateOnly(2023, 6, 2))));
        Assert.Equal("公安户籍注销：2023-06-02 死亡", finding.Evidence[0].Text);
        Assert.Empty(ShippedRules.Run(Rule, Recipient().PoliceDeath(Zhang, "张三", null, cancelled: new DateOnly(2023, 8, 2))));
    }

    [Fact]
    public void Evaluate_RelativesIdUnderAnotherName_NoDeathButIdNameMismatch()
    {
        var month = Recipient().PoliceDeath(Zhang, "张老汉", Died);
        var both = RuleSet.From([ShippedRules.Set.Find(Rule)!, ShippedRules.Set.Find("id-name-mismatch")!]);
        var finding = Assert.Single(FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), both, MonthBuilder.County));
        Assert.Equal("id-name-mismatch", finding.RuleId);
        Assert.Equal(Confidence.Review, finding.Confidence);
    }

    [Fact]
    public void Evaluate_FifteenDigitId_Exact()
    {
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(Ids.To15(Zhang), "张三", Died)));
        Assert.Equal(Confidence.Exact, finding.Confidence);
    }

    [Fact]
    public void Evaluate_TypoInId_Repaired()
    {
        var typo = Ids.WithWrongDigit(Zhang, 14);
        var finding = Assert.Single(ShippedRules.Run(Rule, Recipient().PoliceDeath(typo, "张三", Died)));
        Assert.Equal(Confidence.Repaired, finding.Confidence);
        Assert.Equal(Zhang, finding.IdNumber);
        Assert.Equal($"公安户籍注销：2023-05-12 死亡（身份证号“{typo}”有误，按相近号码和姓名匹配）", finding.Evidence[0].Text);
    }

    [Fact]
    public void Evaluate_CertificateWithoutId_ProbableByNameSexBirth()
    {
        var month = Recipient().HealthDeath(null, "张三", Died, Sex.Male, new DateOnly(1956, 3, 12));
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(Confidence.Probable, finding.Confidence);
        Assert.Equal("卫健死亡医学证明：2023-05-12 死亡（无身份证号，按姓名、性别、出生日期匹配）", finding.Evidence[0].Text);
    }

    [Fact]
    public void Evaluate_CertificateWithoutIdAndANamesake_Nothing()
    {
        var month = Recipient().Roster(Ids.Make("19560312", 111, "450322"), "张三", "L9", county: MonthBuilder.Neighbour)
            .HealthDeath(null, "张三", Died, Sex.Male, new DateOnly(1956, 3, 12));
        Assert.Empty(ShippedRules.Run(Rule, month));
    }

    [Fact]
    public void Evaluate_CertificateWithoutIdOrBirthDate_Nothing()
    {
        Assert.Empty(ShippedRules.Run(Rule, Recipient().HealthDeath(null, "张三", Died, Sex.Male)));
    }

    [Fact]
    public void Evaluate_PoliceAndHealthEvidence_OneFindingWithBoth()
    {
        var month = Recipient().HealthDeath(null, "张三", Died, Sex.Male, new DateOnly(1956, 3, 12)).PoliceDeath(Zhang, "张三", Died);
        var finding = Assert.Single(ShippedRules.Run(Rule, month));
        Assert.Equal(Confidence.Exact, finding.Confidence);
        Assert.Equal([SourceKind.PoliceDeaths, SourceKind.HealthDeaths], finding.Evidence.Select(e => e.Source));
    }

    [Fact]
    public void Evaluate_EnrolledInTwoHomeHouseholds_OneFindingPerHousehold()
    {
        var month = Recipient().Roster(Zhang, "张三", "H2", Programme.Tekun, township: "罗锦镇").PoliceDeath(Zhang, "张三", Died);
        var findings = ShippedRules.Run(Rule, month);
        // Sorted by township first (ordinal): 罗锦镇 before 苏桥镇.
        Assert.Equal(["H2", "H1"], findings.Select(f => f.HouseholdId));
        // Each finding names the programmes of its own household, which its township counts (docs/rules.md).
        Assert.Equal([[Programme.Tekun], [Programme.RuralDibao]], findings.Select(f => f.Programmes));
        Assert.Equal(["罗锦镇", "苏桥镇"], findings.Select(f => f.Township));
    }

    [Fact]
    public void Evaluate_OnlyHealthSourceConfigured_IgnoresPolice()
    {
        var text = ShippedRules.Files().Single(f => f.Name == "deceased-recipient.yaml").Text
            .Replace("[police-deaths, health-deaths]", "[health-deaths]", StringComparison.Ordinal);
        var rules = RuleSet.Load([new RuleFile("deceased-recipient.yaml", text)]);
        var findings = FindingEngine.Evaluate(Recipient().PoliceDeath(Zhang, "张三", Died).Build(), new ReportingMonth(2023, 7), rules, MonthBuilder.County);
        Assert.Empty(findings);
    }
}
