using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Outputs;
using ReliefMatch.Storage.Jobs;

namespace ReliefMatch.Host.Jobs;

/// <summary>A month's sample as the CSV and XLSX downloads lay it out: the households drawn, township by township in draw order.</summary>
public static class SampleDrawTable
{
    /// <summary>The column headers; the last three are left empty for the reviewer.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["序号", "乡镇", "抽取顺序", "村", "家庭编号", "户主姓名", "户主身份证号", "救助类别", "纳入时间", "家庭人数", "随机种子", "核查结果", "核查人", "核查日期"];

    /// <summary>The headers of the per-township summary (the workbook's second sheet).</summary>
    public static IReadOnlyList<string> SummaryHeaders { get; } = ["序号", "乡镇", "新审核认定户数", "抽取户数", "抽取比例", "随机种子", "花名册期", "抽取时间"];

    /// <summary>E.g. <c>永福县2023年7月 新审核认定低保对象线上核查抽样名单</c>.</summary>
    public static string Title(string countyName, ReportingMonth period) => $"{countyName}{FindingText.ChineseMonth(period)} 新审核认定低保对象线上核查抽样名单";

    /// <param name="fullIds">Full head IDs instead of masked ones, for the county's own review.</param>
    public static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<StoredSampleDraw> draws, bool fullIds)
    {
        var number = 0;
        foreach (var draw in draws)
        {
            for (var rank = 0; rank < draw.Selected.Count; rank++)
            {
                var a = draw.Selected[rank];
                number++;
                yield return
                [
                    number.ToString(CultureInfo.InvariantCulture),
                    draw.Township,
                    (rank + 1).ToString(CultureInfo.InvariantCulture),
                    a.Village,
                    a.HouseholdId,
                    a.HeadName,
                    fullIds ? a.HeadIdNumber : ResidentId.Mask(a.HeadIdNumber),
                    a.Programme.Chinese(),
                    FindingText.Date(a.ApprovedOn),
                    a.Members.ToString(CultureInfo.InvariantCulture),
                    draw.Seed.ToString(CultureInfo.InvariantCulture),
                    "",
                    "",
                    "",
                ];
            }
        }
    }

    /// <summary>One row per township: how many new approvals, how many drawn, and the seed to draw them again.</summary>
    public static IEnumerable<IReadOnlyList<string>> SummaryRows(IReadOnlyList<StoredSampleDraw> draws) =>
        draws.Select((d, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            d.Township,
            d.Candidates.ToString(CultureInfo.InvariantCulture),
            d.Selected.Count.ToString(CultureInfo.InvariantCulture),
            (d.Fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            d.Seed.ToString(CultureInfo.InvariantCulture),
            d.RosterPeriod ?? "",
            TimeZoneInfo.ConvertTime(d.DrawnAt, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ]);
}
