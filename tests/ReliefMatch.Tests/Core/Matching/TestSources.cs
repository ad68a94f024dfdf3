using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>
/// The declarations the tests of the plan's other checks build records of: the shipped one where the repository has it,
/// else one with the fields of the data contract ("The plan's other sources"), so that the rule kinds are tested on the
/// same field names and types either way. <c>housing-fund</c> is a county's own source, declared only here.
/// </summary>
internal static class TestSources
{
    private static readonly FieldType T = FieldType.Text, D = FieldType.Date, M = FieldType.Month, Y = FieldType.Money, C = FieldType.Code, N = FieldType.Number;

    private static readonly Dictionary<string, SourceDeclaration> Contract = new(StringComparer.Ordinal)
    {
        ["payments"] = Declare("payments", "惠民惠农一卡通发放", SourcePolicy.History, "name",
            ("account", T, "银行账号"), ("paid_month", M, "发放月份"), ("amount", Y, "发放金额"), ("item", C, "补贴项目"),
            ("household_id", T, "家庭编号"), ("paid_on", D, "发放日期"), ("township", T, "乡镇"), ("village", T, "村")),
        ["hukou"] = Declare("hukou", "公安户籍人口", SourcePolicy.Snapshot, "name",
            ("hukou_no", T, "户号"), ("relation", T, "与户主关系"), ("address", T, "住址"), ("township", T, "乡镇"), ("village", T, "村")),
        ["staff"] = Declare("staff", "社会救助经办人员及村(社区)干部名册", SourcePolicy.Snapshot, "name",
            ("role", T, "人员类别"), ("unit", T, "工作单位"), ("post", T, "职务"), ("township", T, "乡镇"), ("village", T, "村")),
        ["kin-filings"] = Declare("kin-filings", "近亲属备案登记", SourcePolicy.History, "name",
            ("staff_name", T, "关联人员姓名"), ("staff_id_number", T, "关联人员身份证号"), ("relationship", T, "关系"), ("filed_on", D, "备案日期")),
        ["vehicles"] = Declare("vehicles", "公安交管机动车登记", SourcePolicy.Snapshot, "owner_name",
            ("plate", T, "号牌号码"), ("vehicle_type", T, "车辆类型"), ("registered_on", D, "初次登记日期"), ("status", T, "机动车状态")),
        ["property"] = Declare("property", "不动产登记", SourcePolicy.Snapshot, "owner_name",
            ("location", T, "坐落"), ("area", N, "建筑面积"), ("use", T, "用途"), ("registered_on", D, "登记日期")),
        ["business"] = Declare("business", "市场监管市场主体登记", SourcePolicy.Snapshot, "name",
            ("entity", T, "市场主体名称"), ("role", T, "身份"), ("capital", Y, "注册资本"), ("status", T, "登记状态"), ("founded_on", D, "成立日期")),
        ["income"] = Declare("income", "人社收入", SourcePolicy.History, "name",
            ("income_type", T, "收入类型"), ("month", M, "所属月份"), ("amount", Y, "金额")),
        ["students"] = Declare("students", "教育学生学籍", SourcePolicy.Snapshot, "name",
            ("school", T, "学校名称"), ("stage", T, "学段"), ("status", T, "学籍状态"), ("graduated_on", D, "毕业时间"), ("employment", T, "就业状态")),
        ["housing-aid"] = Declare("housing-aid", "住建住房救助", SourcePolicy.History, "name",
            ("aid_type", T, "救助类型"), ("approved_on", D, "批准日期"), ("township", T, "乡镇"), ("village", T, "村")),
        ["relocation"] = Declare("relocation", "乡村振兴易地扶贫搬迁", SourcePolicy.Snapshot, "name",
            ("household_id", T, "户编号"), ("site", T, "安置点"), ("moved_on", D, "搬迁入住时间")),
        ["applications"] = Declare("applications", "社会救助申请受理", SourcePolicy.Latest, "name",
            ("application_no", T, "申请编号"), ("channel", T, "申请渠道"), ("programme", C, "申请类别"), ("applied_on", D, "申请日期"),
            ("accepted_on", D, "受理日期"), ("visited_on", D, "入户调查日期"), ("decided_on", D, "审批日期"), ("decision", T, "审批结果"),
            ("township", T, "乡镇"), ("village", T, "村")),
        ["housing-fund"] = Declare("housing-fund", "住房公积金缴存", SourcePolicy.History, "name",
            ("employer", T, "单位名称"), ("month", M, "缴存月份"), ("amount", Y, "月缴存额")),
    };

    /// <summary>The shipped declaration of <paramref name="id"/>, else the contract's (housing-fund: always the test's own).</summary>
    public static SourceDeclaration Of(string id) =>
        (id == "housing-fund" ? null : SourceCatalog.Shipped.Find(id)) ?? Contract[id];

    private static SourceDeclaration Declare(string id, string zh, SourcePolicy policy, string nameField, params (string Name, FieldType Type, string Header)[] fields) => new()
    {
        Id = id,
        ChineseName = zh,
        EnglishName = id,
        Department = "测试",
        Policy = policy,
        Key = policy == SourcePolicy.Latest ? ["application_no"] : [],
        Identity = ["id_number", nameField],
        File = id + ".yaml",
        Fields =
        [
            new FieldDeclaration { Name = nameField, Type = FieldType.Name, Headers = ["姓名"], Required = true },
            new FieldDeclaration { Name = "id_number", Type = FieldType.ResidentId, Headers = ["身份证号"], Required = true },
            .. fields.Select(f => new FieldDeclaration { Name = f.Name, Type = f.Type, Headers = [f.Header], CodeList = f.Type == C ? "programme" : null }),
        ],
    };
}
