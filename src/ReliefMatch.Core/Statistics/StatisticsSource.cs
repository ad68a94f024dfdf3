namespace ReliefMatch.Core.Statistics;

/// <summary>
/// What a 统计表 cell is counted from. A cell whose source the month lacks is left blank (null in stats.json), and
/// the month page names the source that would fill it (<see cref="StatisticsSources.Chinese"/>).
/// </summary>
public enum StatisticsSource
{
    Roster,
    PreviousRoster,
    RosterEnrolledOn,
    RosterSupportMode,
    RosterLastCheckOn,
    RosterLastVisitOn,
    Monitoring,
    PreviousMonitoring,
    Rule,
    TownshipEntry,
    PovertyExit,
    TemporaryAid,
    Applications,
    KinFilings,
    Students,
    HousingAid,
    Relocation,
}

public static class StatisticsSources
{
    /// <summary>The source as the month page names it.</summary>
    public static string Chinese(this StatisticsSource source) => source switch
    {
        StatisticsSource.Roster => "本月救助对象花名册",
        StatisticsSource.PreviousRoster => "上月救助对象花名册（用于比较新纳入、入住养老机构）",
        StatisticsSource.RosterEnrolledOn => "花名册“纳入时间”列",
        StatisticsSource.RosterSupportMode => "花名册“供养方式”列",
        StatisticsSource.RosterLastCheckOn => "花名册“最近核对日期”列",
        StatisticsSource.RosterLastVisitOn => "花名册“最近入户调查日期”列",
        StatisticsSource.Monitoring => "本月防止返贫监测对象名单",
        StatisticsSource.PreviousMonitoring => "上月防止返贫监测对象名单（或名单的“识别时间”列）",
        StatisticsSource.Rule => "对应的标记规则本月未运行",
        StatisticsSource.TownshipEntry => "乡镇在月份页填报",
        StatisticsSource.PovertyExit => "乡村振兴脱贫人口名单",
        StatisticsSource.TemporaryAid => "临时救助发放记录",
        StatisticsSource.Applications => "救助申请受理记录",
        StatisticsSource.KinFilings => "近亲属备案记录",
        StatisticsSource.Students => "教育部门困难学生（毕业生）名单",
        StatisticsSource.HousingAid => "住建部门住房救助名单",
        StatisticsSource.Relocation => "易地扶贫搬迁对象名单",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
