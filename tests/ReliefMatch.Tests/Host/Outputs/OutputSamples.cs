using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using static ReliefMatch.Tests.Core.Statistics.TestFindings;

namespace ReliefMatch.Tests.Host.Outputs;

/// <summary>A small run for the output tests: three findings in three townships, one of them dismissed.</summary>
internal static class OutputSamples
{
    public static readonly string[] Townships = ["罗锦镇", "永福镇", "苏桥镇", "百寿镇"];

    /// <summary>罗锦镇, open, first raised in July.</summary>
    public static RunFinding Deceased { get; } = Run(
        Make("450326195803120011", "罗锦镇", household: "H001", name: "李四", village: "罗锦村",
                evidence: ["公安户籍注销：2023-05-12 死亡", "卫健死亡医学证明：2023-05-10"])
            with { RuleTitle = "死亡人员仍在保", SuggestedAction = "核实后停保" });

    /// <summary>永福镇, confirmed, first raised in June; a name that looks like a formula and a village with a comma.</summary>
    public static RunFinding Duplicate { get; } = Run(
        Make("45032619620505002X", "永福镇", rule: "duplicate-enrolment", household: "H002", name: "=HYPERLINK(\"x\")", village: "城北社区, 一组",
                programmes: [Programme.Tekun, Programme.UrbanDibao], evidence: ["花名册：永福县 H009 同时在保"])
            with { RuleTitle = "重复纳入", SuggestedAction = "核实后保留一处", DueDays = 15 },
        June,
        FindingStatus.Confirmed);

    /// <summary>苏桥镇, dismissed, first raised in July; a low-income person on no roster.</summary>
    public static RunFinding Medical { get; } = Run(
        Make("450326197001010039", "苏桥镇", rule: "low-income-medical", household: "", name: "王五",
            programmes: [Programme.Edge, Programme.Expenditure], evidence: ["医保结算：12个月自付 23456.00 元"]),
        status: FindingStatus.Dismissed);

    public static IReadOnlyList<RunFinding> All { get; } = [Medical, Duplicate, Deceased];

    public static string Text(MemoryStream stream) => System.Text.Encoding.UTF8.GetString(stream.ToArray());

    public static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
