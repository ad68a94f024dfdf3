using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Rules;

namespace ReliefMatch.Tests.Core.Matching;

public partial class FindingEngineTests
{
    [Fact]
    public void TiedRecordsOnly_ShippedRules_SourcesEveryReaderTiesToAPerson_NotThoseReportingPeopleOffTheRoster()
    {
        var tied = FindingEngine.TiedRecordsOnly(ShippedRules.Set);

        // record-held, amount-over-window: only records of enrolled or low-income persons count.
        Assert.Superset(new HashSet<string>(["business", "property", "vehicles", "income", "housing-aid", "students", "relocation"]), tied.ToHashSet());
        // paid-not-enrolled reports payments to people off the roster; applications, staff, kin filings and hukou
        // are read about applicants and staff who need not be recipients.
        Assert.DoesNotContain("payments", tied);
        Assert.DoesNotContain("applications", tied);
        Assert.DoesNotContain("staff", tied);
        Assert.DoesNotContain("kin-filings", tied);
        Assert.DoesNotContain("hukou", tied);
        // Read by no rule: kept whole.
        Assert.DoesNotContain("poverty-exit", tied);
    }

    [Fact]
    public void TiedRecordsOnly_OneRuleNeedsEveryRecord_SourceNotNarrowed()
    {
        var tied = FindingEngine.TiedRecordsOnly(RuleSet.From([ShippedRules.Set.Find("shared-account")!]));
        Assert.Contains("payments", tied);

        var both = FindingEngine.TiedRecordsOnly(RuleSet.From([ShippedRules.Set.Find("shared-account")!, ShippedRules.Set.Find("paid-not-enrolled")!]));
        Assert.DoesNotContain("payments", both);
    }
}
