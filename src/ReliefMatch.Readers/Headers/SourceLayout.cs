using ReliefMatch.Core.Extracts;

namespace ReliefMatch.Readers.Headers;

/// <summary>
/// The columns of one source as docs/sources.md lists them: for each field the header spellings that occur
/// (in order of preference when a file has two of them) and which fields a header row must name.
/// </summary>
internal sealed class SourceLayout
{
    private readonly Dictionary<string, (ExtractField Field, int Preference)> bySpelling = new(StringComparer.Ordinal);

    private SourceLayout(SourceKind source, (ExtractField Field, string[] Headers)[] fields, ExtractField[][] requirements)
    {
        Source = source;
        Fields = fields.ToDictionary(f => f.Field, f => (IReadOnlyList<string>)f.Headers);
        Requirements = requirements;
        foreach (var (field, headers) in fields)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                var key = HeaderText.Normalise(headers[i]);
                if (!bySpelling.TryAdd(key, (field, i)))
                {
                    throw new InvalidOperationException($"{source.Id()}: header {headers[i]} is listed for two fields.");
                }
            }
        }
    }

    public SourceKind Source { get; }

    /// <summary>Every field this source may have, with its header spellings as the contract writes them.</summary>
    public IReadOnlyDictionary<ExtractField, IReadOnlyList<string>> Fields { get; }

    /// <summary>Each entry is satisfied when the header row names at least one of its fields.</summary>
    /// <remarks>
    /// Alternatives carry the contract's footnotes: a police file needs 死亡日期 or 注销日期 (which stands in for
    /// it); a disability file needs the ID, category and level, each of which 残疾人证号 can give.
    /// </remarks>
    public IReadOnlyList<ExtractField[]> Requirements { get; }

    public bool TryField(string normalisedHeader, out ExtractField field, out int preference)
    {
        if (bySpelling.TryGetValue(normalisedHeader, out var hit))
        {
            (field, preference) = hit;
            return true;
        }
        field = default;
        preference = 0;
        return false;
    }

    /// <summary>Maps the cells of a candidate header row to fields; unknown cells are ignored.</summary>
    public ColumnMap Match(IReadOnlyList<string> cells)
    {
        var map = new ColumnMap(this, cells);
        for (var c = 0; c < cells.Count; c++)
        {
            if (TryField(HeaderText.Normalise(cells[c]), out var field, out var preference))
            {
                map.Offer(field, c, preference);
            }
        }
        return map;
    }

    public static SourceLayout For(SourceKind source) => source switch
    {
        SourceKind.Roster => Roster,
        SourceKind.PoliceDeaths => PoliceDeaths,
        SourceKind.HealthDeaths => HealthDeaths,
        SourceKind.Disability => Disability,
        SourceKind.Medical => Medical,
        SourceKind.Monitoring => Monitoring,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static IReadOnlyList<SourceLayout> All => [Roster, PoliceDeaths, HealthDeaths, Disability, Medical, Monitoring];

    private static readonly string[] TownshipHeaders = ["乡镇(街道)", "乡镇", "乡镇街道", "所属乡镇"];
    private static readonly string[] VillageHeaders = ["村(社区)", "村", "村委会", "村(居)委会", "所属村"];

    private static readonly SourceLayout Roster = new(
        SourceKind.Roster,
        [
            (ExtractField.CountyCode, ["区划代码", "行政区划代码", "县区代码"]),
            (ExtractField.County, ["县(区)", "县区", "所属县区"]),
            (ExtractField.Township, TownshipHeaders),
            (ExtractField.Village, VillageHeaders),
            (ExtractField.HouseholdId, ["家庭编号", "户编号", "户号"]),
            (ExtractField.HeadName, ["户主姓名"]),
            (ExtractField.HeadIdNumber, ["户主身份证号", "户主身份证号码"]),
            (ExtractField.Name, ["姓名", "成员姓名"]),
            (ExtractField.IdNumber, ["身份证号", "身份证号码", "公民身份号码", "成员身份证号"]),
            (ExtractField.Relation, ["与户主关系"]),
            (ExtractField.Programme, ["救助类别", "保障类别", "救助类型"]),
            (ExtractField.SupportMode, ["供养方式"]),
            (ExtractField.Status, ["保障状态", "状态", "享受状态"]),
            (ExtractField.EnrolledOn, ["纳入时间", "纳入日期", "审批日期", "批准日期"]),
            (ExtractField.MonthlyAmount, ["月保障金额", "保障金额", "月救助金"]),
            (ExtractField.LastCheckOn, ["最近核对日期", "最近一次经济状况核对日期", "上次核对时间"]),
            (ExtractField.LastVisitOn, ["最近入户调查日期", "最近入户日期", "上次入户时间"]),
            (ExtractField.WorkAbility, ["劳动能力"]),
            (ExtractField.IncomeStable, ["收入是否稳定", "收入来源是否固定"]),
        ],
        [[ExtractField.Township], [ExtractField.HouseholdId], [ExtractField.Name], [ExtractField.IdNumber], [ExtractField.Programme], [ExtractField.Status]]);

    private static readonly SourceLayout PoliceDeaths = new(
        SourceKind.PoliceDeaths,
        [
            (ExtractField.Name, ["姓名"]),
            (ExtractField.IdNumber, ["公民身份号码", "身份证号", "身份证号码"]),
            (ExtractField.Sex, ["性别"]),
            (ExtractField.BirthDate, ["出生日期"]),
            (ExtractField.DeathDate, ["死亡日期"]),
            (ExtractField.CancelledOn, ["注销日期"]),
            (ExtractField.CancelReason, ["注销原因", "注销类别"]),
            (ExtractField.Address, ["户籍地址", "住址"]),
            (ExtractField.Station, ["派出所", "户籍所在派出所"]),
        ],
        [[ExtractField.Name], [ExtractField.IdNumber], [ExtractField.DeathDate, ExtractField.CancelledOn]]);

    private static readonly SourceLayout HealthDeaths = new(
        SourceKind.HealthDeaths,
        [
            (ExtractField.Name, ["死者姓名", "姓名"]),
            (ExtractField.IdNumber, ["身份证件号码", "身份证号", "证件号码"]),
            (ExtractField.Sex, ["性别"]),
            (ExtractField.BirthDate, ["出生日期"]),
            (ExtractField.DeathDate, ["死亡日期", "死亡时间"]),
            (ExtractField.Place, ["死亡地点"]),
            (ExtractField.Cause, ["根本死因", "死亡原因"]),
            (ExtractField.Reporter, ["报告单位", "填报单位"]),
        ],
        [[ExtractField.Name], [ExtractField.DeathDate]]);

    private static readonly SourceLayout Disability = new(
        SourceKind.Disability,
        [
            (ExtractField.Name, ["姓名"]),
            (ExtractField.IdNumber, ["身份证号", "身份证号码"]),
            (ExtractField.CertificateNo, ["残疾人证号", "残疾证号"]),
            (ExtractField.Category, ["残疾类别"]),
            (ExtractField.Level, ["残疾等级"]),
            (ExtractField.IssuedOn, ["发证日期", "首次发证日期"]),
            (ExtractField.CertificateStatus, ["证件状态", "状态"]),
            (ExtractField.Township, TownshipHeaders),
            (ExtractField.Village, VillageHeaders),
        ],
        [
            [ExtractField.Name],
            [ExtractField.IdNumber, ExtractField.CertificateNo],
            [ExtractField.Category, ExtractField.CertificateNo],
            [ExtractField.Level, ExtractField.CertificateNo],
        ]);

    private static readonly SourceLayout Medical = new(
        SourceKind.Medical,
        [
            (ExtractField.Name, ["姓名", "参保人姓名"]),
            (ExtractField.IdNumber, ["身份证号", "证件号码", "公民身份号码"]),
            (ExtractField.SettledOn, ["结算日期", "费用结算日期", "出院日期"]),
            (ExtractField.Total, ["医疗总费用", "总费用"]),
            (ExtractField.BasicPaid, ["基本医疗保险支付", "统筹支付", "基本医保支付"]),
            (ExtractField.CriticalPaid, ["大病保险支付"]),
            (ExtractField.AssistancePaid, ["医疗救助支付"]),
            (ExtractField.OutOfPocket, ["个人自付", "个人负担", "个人自付金额"]),
            (ExtractField.VisitType, ["就诊类型", "医疗类别"]),
            (ExtractField.Institution, ["就诊机构", "医疗机构名称"]),
        ],
        [[ExtractField.Name], [ExtractField.IdNumber], [ExtractField.SettledOn]]);

    private static readonly SourceLayout Monitoring = new(
        SourceKind.Monitoring,
        [
            (ExtractField.Name, ["姓名"]),
            (ExtractField.IdNumber, ["身份证号", "证件号码"]),
            (ExtractField.HouseholdId, ["户编号", "户码"]),
            (ExtractField.Relation, ["与户主关系"]),
            (ExtractField.MonitorType, ["监测对象类别", "监测类型"]),
            (ExtractField.Risk, ["主要风险", "风险类型", "致贫风险"]),
            (ExtractField.IdentifiedOn, ["识别时间", "纳入监测时间"]),
            (ExtractField.RiskCleared, ["风险是否消除", "是否消除风险"]),
            (ExtractField.IncomePerCapita, ["家庭年人均纯收入", "人均纯收入"]),
            (ExtractField.Township, TownshipHeaders),
            (ExtractField.Village, VillageHeaders),
        ],
        [[ExtractField.Name], [ExtractField.IdNumber]]);
}
