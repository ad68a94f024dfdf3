using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Core.Sources;

/// <summary>
/// The fourteen shipped declarations of the plan's other sources against the data contract's tables ("The plan's
/// other sources"): each field's name, whether it is required, its type, its code values and its header spellings
/// in the contract's order, and each source's policy.
/// </summary>
public class PlanSourceDeclarationTests
{
    /// <summary>The ids of the plan's other sources, as the data contract lists them.</summary>
    public static readonly string[] PlanSources =
        ["payments", "hukou", "staff", "kin-filings", "vehicles", "property", "business", "income", "students", "housing-aid", "relocation", "poverty-exit", "temporary-aid", "applications"];

    private const string Township = "乡镇(街道)|乡镇|乡镇街道|所属乡镇";
    private const string Village = "村(社区)|村|村委会|村(居)委会|所属村";

    /// <summary>
    /// One line per field: name, required (+/-), type (the code type written <c>code:list</c> or <c>code:a,b,…</c>) and
    /// the header spellings separated by <c>|</c>.
    /// </summary>
    private static readonly Dictionary<string, (SourcePolicy Policy, string[] Fields)> Contract = new(StringComparer.Ordinal)
    {
        ["payments"] = (SourcePolicy.History,
        [
            "name + name 姓名|收款人姓名|领取人姓名",
            "id_number + resident-id 身份证号|身份证号码|收款人身份证号",
            "account + text 银行账号|一卡通账号|社保卡号|收款账号",
            "paid_month + month 发放月份|资金所属期|所属期",
            "amount + money 发放金额|金额|实发金额",
            "item + code:programme 补贴项目|资金项目|项目名称",
            "household_id - text 家庭编号|户编号",
            "paid_on - date 发放日期|到账日期",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
        ["hukou"] = (SourcePolicy.Snapshot,
        [
            "hukou_no + text 户号",
            "name + name 姓名",
            "id_number + resident-id 公民身份号码|身份证号",
            "relation - text 与户主关系",
            "address - text 住址|户籍地址",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
        ["staff"] = (SourcePolicy.Snapshot,
        [
            "name + name 姓名",
            "id_number + resident-id 身份证号|身份证号码",
            "role + text 人员类别|类别",
            "unit - text 工作单位|所在单位",
            "post - text 职务|岗位",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
        ["kin-filings"] = (SourcePolicy.History,
        [
            "name + name 备案对象姓名|姓名",
            "id_number + resident-id 备案对象身份证号|身份证号",
            "staff_name - name 关联人员姓名|工作人员姓名",
            "staff_id_number - text 关联人员身份证号|工作人员身份证号",
            "relationship - text 关系|亲属关系",
            "filed_on + date 备案日期|登记日期",
        ]),
        ["vehicles"] = (SourcePolicy.Snapshot,
        [
            "owner_name + name 机动车所有人|所有人|车主姓名",
            "id_number + resident-id 身份证明号码|所有人身份证号|身份证号",
            "plate + text 号牌号码|车牌号",
            "vehicle_type + text 车辆类型|车型",
            "registered_on - date 初次登记日期|登记日期",
            "status - text 机动车状态|状态",
        ]),
        ["property"] = (SourcePolicy.Snapshot,
        [
            "owner_name + name 权利人|权利人姓名",
            "id_number + resident-id 权利人证件号|证件号码|身份证号",
            "location - text 坐落|房屋坐落",
            "area - number 建筑面积|面积",
            "use + text 用途|房屋用途|规划用途",
            "registered_on - date 登记日期|登簿日期",
        ]),
        ["business"] = (SourcePolicy.Snapshot,
        [
            "name + name 姓名|人员姓名",
            "id_number + resident-id 身份证号|证件号码",
            "entity + text 市场主体名称|企业名称|名称",
            "role + text 身份|任职|人员类型",
            "capital - money 注册资本|出资额",
            "status + code:存续,在业,开业,吊销,注销,迁出 登记状态|经营状态",
            "founded_on - date 成立日期",
        ]),
        ["income"] = (SourcePolicy.History,
        [
            "name + name 姓名",
            "id_number + resident-id 身份证号|公民身份号码",
            "income_type + text 收入类型|待遇类型",
            "month + month 所属月份|发放月份|待遇所属期",
            "amount + money 金额|发放金额|应发金额",
        ]),
        ["students"] = (SourcePolicy.Snapshot,
        [
            "name + name 学生姓名|姓名",
            "id_number + resident-id 身份证号|身份证件号",
            "school - text 学校名称|学校",
            "stage + code:高中,中职,高职,大专,本科,硕士研究生,博士研究生 学段|学历层次",
            "status + code:在读,毕业,结业,肄业,休学 学籍状态",
            "graduated_on - date 毕业时间|毕业日期",
            "employment - code:已就业,未就业,升学,待就业 就业状态|就业情况",
        ]),
        ["housing-aid"] = (SourcePolicy.History,
        [
            "name + name 户主姓名|姓名",
            "id_number + resident-id 户主身份证号|身份证号",
            "aid_type + code:农村危房改造,公租房实物保障,租赁补贴 救助类型|项目类型",
            "approved_on + date 批准日期|审批日期|竣工日期",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
        ["relocation"] = (SourcePolicy.Snapshot,
        [
            "name + name 姓名",
            "id_number + resident-id 身份证号|证件号码",
            "household_id - text 户编号|户码",
            "site - text 安置点|安置区",
            "moved_on - date 搬迁入住时间|入住时间",
        ]),
        ["poverty-exit"] = (SourcePolicy.Snapshot,
        [
            "name + name 姓名",
            "id_number + resident-id 身份证号|证件号码",
            "household_id - text 户编号|户码",
            "exit_year - number 脱贫年度|脱贫年份",
        ]),
        ["temporary-aid"] = (SourcePolicy.History,
        [
            "name + name 救助对象姓名|姓名",
            "id_number + resident-id 身份证号|身份证号码",
            "granted_on + date 救助日期|审批日期|发放日期",
            "amount + money 救助金额|金额",
            "kind - text 救助类型|救助方式",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
        ["applications"] = (SourcePolicy.Latest,
        [
            "application_no + text 申请编号|业务编号",
            "name + name 申请人姓名|姓名",
            "id_number + resident-id 申请人身份证号|身份证号",
            "channel + code:网上自助申请,移动终端,窗口申请,委托申请 申请渠道|申请方式",
            "programme - code:programme 申请类别|救助类别",
            "applied_on - date 申请日期",
            "accepted_on + date 受理日期",
            "visited_on - date 入户调查日期",
            "decided_on - date 审批日期",
            "decision - code:同意,不同意,审核中 审批结果",
            $"township - text {Township}",
            $"village - text {Village}",
        ]),
    };

    public static TheoryData<string> Sources() => [.. PlanSources];

    /// <summary>A field written as the contract's line is (see <see cref="Contract"/>).</summary>
    private static string Line(FieldDeclaration f)
    {
        var type = f.Type.Id();
        if (f.Type == FieldType.Code)
        {
            type += ":" + (f.CodeList ?? string.Join(",", f.CodeValues));
        }
        return $"{f.Name} {(f.Required ? "+" : "-")} {type} {string.Join("|", f.Headers)}";
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Shipped_PlanSource_DeclaresTheContractsFieldsHeadersAndPolicy(string id)
    {
        var declaration = SourceCatalog.Shipped.Find(id);
        Assert.NotNull(declaration);
        var (policy, fields) = Contract[id];
        Assert.Equal(fields, declaration.Fields.Select(Line));
        Assert.Equal(policy, declaration.Policy);
        Assert.Equal(policy == SourcePolicy.Latest ? ["application_no"] : [], declaration.Key);
        Assert.Equal("id_number", declaration.Identity[0]);
        Assert.Equal(declaration.Field("owner_name") is null ? "name" : "owner_name", declaration.PersonName);
        Assert.All(declaration.Fields, f => Assert.True(f.Stored));
        Assert.StartsWith("# ", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "sources", id + ".yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_Payments_SkipsItemsOutsideTheRostersProgrammes()
    {
        var filter = Assert.Single(SourceCatalog.Shipped.Find("payments")!.Filters);
        Assert.Equal("item", filter.Field);
        Assert.Equal("programme", filter.KeepCodeList);
        Assert.Equal(RowFilterEffect.Skip, filter.Otherwise);
        Assert.True(filter.Passes("农村低保", columnPresent: true));
        Assert.True(filter.Passes("特困供养", columnPresent: true));
        Assert.False(filter.Passes("耕地地力保护补贴", columnPresent: true));
        Assert.All(PlanSources.Where(s => s != "payments"), s => Assert.Empty(SourceCatalog.Shipped.Find(s)!.Filters));
    }
}
