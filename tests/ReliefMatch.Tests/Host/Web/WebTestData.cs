using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Periods;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>Users, townships and findings the web tests share.</summary>
internal static class WebTestData
{
    public const string Password = "correct horse 1";
    public const string Luojin = "罗锦镇";
    public const string Suqiao = "苏桥镇";
    public static readonly ReportingMonth July = new(2023, 7);
    public static readonly ReportingMonth August = new(2023, 8);

    /// <summary>A deceased-recipient finding of person <paramref name="person"/> (name 李n) in a township.</summary>
    public static Finding Deceased(int person, string township, string deathDate = "2023-05-12") => new()
    {
        RuleId = "deceased-recipient",
        RuleVersion = 1,
        IdNumber = TestRecords.IdNumber(person),
        HouseholdId = "H" + person,
        Name = "李" + person,
        Township = township,
        Village = "一村",
        Programmes = [Programme.RuralDibao],
        Confidence = Confidence.Exact,
        Evidence = [new Evidence(SourceKind.PoliceDeaths, 1, person + 1, $"公安户籍注销：{deathDate} 死亡")],
        FeedsDataWarning = true,
        SuggestedAction = "核实后停保",
        DueDays = 15,
    };
}
