using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;

namespace ReliefMatch.Host.Outputs;

/// <summary>How a finding reads in the Chinese outputs (findings file, worklists, 统计表).</summary>
public static class FindingText
{
    /// <summary>救助类别: the Chinese programme names, in programme order, joined by <c>、</c>.</summary>
    public static string Programmes(Finding finding)
    {
        // Every finding has a few of five programmes: the set as bits picks one of 32 texts made once each,
        // instead of sorting and joining per row of a province's findings file.
        var set = 0;
        foreach (var programme in finding.Programmes)
        {
            if (programme is < Programme.UrbanDibao or > Programme.Expenditure)
            {
                return string.Join("、", finding.Programmes.Distinct().Order().Select(p => p.Chinese()));
            }
            set |= 1 << (int)programme;
        }
        return ProgrammeTexts[set >> 1];
    }

    private static readonly string[] ProgrammeTexts = Enumerable.Range(0, 32)
        .Select(set => string.Join("、", Enum.GetValues<Programme>().Where(p => (set & (1 << ((int)p - 1))) != 0).Order().Select(p => p.Chinese())))
        .ToArray();

    /// <summary>
    /// 证据: the evidence texts in the rule's order, joined by <c>；</c>. Evidence may quote an ID (an ID whose
    /// name differs, an invalid ID read as another one): unless <paramref name="fullIds"/>, every ID in it is
    /// masked like the ID column (<see cref="IdText.MaskIds"/>), so the text may go wherever the masked ID may.
    /// </summary>
    public static string Evidence(Finding finding, bool fullIds)
    {
        var text = string.Join("；", finding.Evidence.Select(e => e.Text));
        return fullIds ? text : IdText.MaskIds(text);
    }

    /// <summary>预警类型: the rule's title, or its id when the rule file gave none.</summary>
    public static string Warning(Finding finding) => finding.RuleTitle.Length > 0 ? finding.RuleTitle : finding.RuleId;

    /// <summary>A calendar date as every output writes it: <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A month as the Chinese titles write it: <c>2023年7月</c>.</summary>
    public static string ChineseMonth(ReportingMonth month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month.Year}年{month.Month}月");
}
