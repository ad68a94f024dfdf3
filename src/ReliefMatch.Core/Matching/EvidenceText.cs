using System.Globalization;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;

namespace ReliefMatch.Core.Matching;

/// <summary>
/// The Chinese evidence lines printed on worklists. Only called for records that produce a finding, so the
/// string formatting never runs per input record.
/// </summary>
internal static class EvidenceText
{
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "";

    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Level(int level) => level switch
    {
        1 => "一级",
        2 => "二级",
        3 => "三级",
        4 => "四级",
        _ => level.ToString(CultureInfo.InvariantCulture) + "级",
    };

    /// <summary><c>公安户籍注销：2023-05-12 死亡</c>, with how the record was matched when not exactly.</summary>
    public static string Death(DeathRecord record, Confidence confidence) =>
        $"{record.Kind.ChineseName}：{Date(record.EffectiveDeathDate)} 死亡{MatchNote(record.Id, confidence)}";

    /// <summary><c>残联：肢体一级 有效</c>.</summary>
    public static string Disability(DisabilityRecord record, Confidence confidence) =>
        $"残联：{record.Category.Chinese()}{Level(record.Level)} {CertificateStatus(record)}{MatchNote(record.Id, confidence)}";

    public static string MedicalTotal(int windowMonths, decimal total, int count) =>
        $"医保结算：近{windowMonths}个月个人自付合计 {Money(total)} 元（{count} 笔）";

    public static string Settlement(MedicalRecord record, Confidence confidence)
    {
        var what = string.Join(" ", new[] { record.VisitType, record.Institution }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return $"医保结算：{Date(record.SettledOn)}{(what.Length > 0 ? " " + what : "")} 个人自付 {Money(record.OutOfPocket)} 元{MatchNote(record.Id, confidence)}";
    }

    /// <summary>
    /// <c>同时在保：临桂区 家庭编号 XXX 农村低保</c>, or <c>同时在保：永福县 罗锦镇 家庭编号 XXX 农村低保</c> for a row of
    /// the home county: that one is always named <paramref name="homeCountyName"/>, whether the row carries the
    /// county's name or only its code, so that the evidence never reads as two places for one county.
    /// </summary>
    public static string AlsoEnrolled(RosterRecord row, bool sameCounty, string homeCountyName)
    {
        var county = sameCounty ? homeCountyName
            : !string.IsNullOrWhiteSpace(row.County) ? row.County.Trim()
            : !string.IsNullOrWhiteSpace(row.CountyCode) ? row.CountyCode.Trim()
            : homeCountyName;
        var place = sameCounty ? $"{county} {row.Township.Trim()}" : county;
        return $"同时在保：{place} 家庭编号 {row.HouseholdId} {row.Programme.Chinese()}";
    }

    public static string EconomicCheck(DateOnly? latest, int intervalMonths) => latest is { } d
        ? $"花名册：最近一次经济状况核对 {Date(d)}，已超过{intervalMonths}个月"
        : "花名册：无经济状况核对日期";

    public static string HomeVisit(DateOnly? latest, int intervalMonths, int ableMembers) =>
        $"花名册：收入不稳定，有劳动能力成员 {ableMembers} 人；" + (latest is { } d
            ? $"最近一次入户调查 {Date(d)}，已超过{intervalMonths}个月"
            : "无入户调查日期");

    public static string NameMismatch(ExtractRecord record, string rosterName)
    {
        var detail = record switch
        {
            DeathRecord { IsDeath: true } d => $"，{Date(d.EffectiveDeathDate)} 死亡",
            DeathRecord d => string.IsNullOrWhiteSpace(d.CancelReason) ? "" : $"，注销原因 {d.CancelReason.Trim()}",
            MedicalRecord m => $"，{Date(m.SettledOn)} 结算",
            DisabilityRecord c => $"，{c.Category.Chinese()}{Level(c.Level)}",
            MonitoringRecord => "，防返贫监测对象",
            _ => "",
        };
        return $"{record.Source.ChineseName}：身份证号 {record.Id.Text} 登记姓名“{record.Name}”，花名册姓名“{rosterName}”{detail}";
    }

    public static string InvalidId(ParsedId id) => id.Problem switch
    {
        IdProblem.Missing => "花名册：身份证号为空",
        _ => $"花名册：身份证号“{id.Text}”{Problem(id.Problem)}",
    };

    private static string Problem(IdProblem problem) => problem switch
    {
        IdProblem.ExcelDamaged => "被Excel转为数字，第15位以后已丢失",
        IdProblem.WrongLength => "位数不对",
        IdProblem.NotDigits => "含非法字符",
        IdProblem.ImpossibleBirthDate => "中的出生日期不存在",
        IdProblem.WrongCheckCharacter => "校验位错误",
        _ => "无效",
    };

    private static string CertificateStatus(DisabilityRecord record) =>
        string.IsNullOrWhiteSpace(record.CertificateStatus) ? "有效" : record.CertificateStatus.Trim();

    private static string MatchNote(ParsedId id, Confidence confidence) => confidence switch
    {
        Confidence.Repaired => $"（身份证号“{id.Text}”有误，按相近号码和姓名匹配）",
        Confidence.Probable when id.Problem == IdProblem.Missing => "（无身份证号，按姓名、性别、出生日期匹配）",
        Confidence.Probable => $"（身份证号“{id.Text}”无效，按姓名、性别、出生日期匹配）",
        _ => "",
    };
}
