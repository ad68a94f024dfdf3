namespace ReliefMatch.Core.Statistics;

/// <summary>
/// The cells of the 统计表 in the order of docs/statistics.md's table, which is also the order of the keys in
/// stats.json. A new cell is a line here and its count in <see cref="MonthStatistics"/>.
/// </summary>
public static class SheetCells
{
    public const string MeetingOn = "meeting_on";

    public static IReadOnlyList<SheetCell> Tags { get; } =
    [
        new(SheetCell.Tags, "total", "对低收入人口共计 人进行标记"),
        new(SheetCell.Tags, "monitored", "乡村振兴防贫监测对象标记"),
        new(SheetCell.Tags, "medical", "大额医疗支出对象标记"),
        new(SheetCell.Tags, "graduate", "困难毕业生对象标记"),
        new(SheetCell.Tags, "housing", "住房救助标记"),
        new(SheetCell.Tags, "disability", "残联重残对象标记"),
        new(SheetCell.Tags, "relocated", "易地搬迁对象标记"),
    ];

    public static IReadOnlyList<SheetCell> Duties { get; } =
    [
        new(SheetCell.Duties, MeetingOn, "召开会议进行部署情况", Entered: true),
        new(SheetCell.Duties, "new_urban_dibao", "新纳入城镇低保对象"),
        new(SheetCell.Duties, "new_rural_dibao", "新纳入农村低保对象"),
        new(SheetCell.Duties, "tekun_to_institution", "安排特困老人入住养老机构"),
        new(SheetCell.Duties, "tekun_visited", "走访探视分散特困老人"),
        new(SheetCell.Duties, "exit_to_dibao", "脱贫人口纳入城乡低保"),
        new(SheetCell.Duties, "exit_to_tekun", "脱贫人口纳入特困供养"),
        new(SheetCell.Duties, "exit_temporary_aid", "脱贫人口实施临时救助（人次）"),
        new(SheetCell.Duties, "monitored_to_dibao", "防止返贫监测对象纳入城乡低保"),
        new(SheetCell.Duties, "monitored_to_tekun", "防止返贫监测对象纳入特困供养"),
        new(SheetCell.Duties, "monitored_temporary_aid", "防止返贫监测对象实施临时救助（人次）"),
        new(SheetCell.Duties, "economic_checked", "对在享低保、特困救助对象进行经济状况核对"),
        new(SheetCell.Duties, "home_visited", "对救助对象开展实地入户核查"),
        new(SheetCell.Duties, "warnings_visited", "对动态监测风险预警对象开展精准入户排查"),
        new(SheetCell.Duties, "approvals_visited", "乡镇人民政府对新审核认定对象进行入户调查"),
        new(SheetCell.Duties, "online_applications", "受理网上自助申请（件）"),
        new(SheetCell.Duties, "kin_filed", "进行近亲属备案对象"),
        new(SheetCell.Duties, "conduct_problems", "整治“人情保”“关系保”、优亲厚友、吃拿卡要问题（个）", Entered: true),
        new(SheetCell.Duties, "leads_transferred", "配合纪检部门移交问题线索（件）", Entered: true),
        new(SheetCell.Duties, "persons_educated", "批评教育帮助（人）", Entered: true),
        new(SheetCell.Duties, "cases_published", "通报典型违纪违法案例（件）", Entered: true),
        new(SheetCell.Duties, "warning_sessions", "开展警示教育（次）", Entered: true),
    ];

    /// <summary>The township-entered counts (every entered cell but the meeting date).</summary>
    public static IReadOnlyList<SheetCell> EnteredCounts { get; } = Duties.Where(c => c.Entered && c.Key != MeetingOn).ToList();

    /// <summary>
    /// The 标记 tags and the rule whose findings first raised in the month each counts (docs/statistics.md).
    /// </summary>
    public static IReadOnlyDictionary<string, string> TagRules { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monitored"] = "tag-monitored",
        ["medical"] = "low-income-medical",
        ["graduate"] = "tag-poor-graduate",
        ["housing"] = "tag-housing-aid",
        ["disability"] = "low-income-severe-disability",
        ["relocated"] = "tag-relocated",
    };

    /// <summary>Whether findings of <paramref name="ruleId"/> are 标记 tags.</summary>
    public static bool IsTagRule(string ruleId) => TagRules.Values.Contains(ruleId, StringComparer.Ordinal);
}
