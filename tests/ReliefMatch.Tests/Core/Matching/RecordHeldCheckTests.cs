using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Periods;
using ReliefMatch.Core.Rules;
using ReliefMatch.Core.Sources;

namespace ReliefMatch.Tests.Core.Matching;

/// <summary>The shipped rules of the general kind record-held, and one written only as a file here (公积金 deposits).</summary>
public class RecordHeldCheckTests
{
    private static readonly string Head = Ids.Make("19700312", 131);
    private static readonly string Wife = Ids.Make("19720101", 242);
    private static readonly string Other = Ids.Make("19800101", 351);
    private static readonly string Monitored = Ids.Make("19900101", 461);

    private static MonthBuilder Household(Programme programme = Programme.RuralDibao) => new MonthBuilder()
        .Roster(Head, "张三", "H1", programme)
        .Roster(Wife, "李四", "H1", programme, relation: "配偶");

    private static (string, object?)[] Vehicle(string plate, string type, string? status = "正常") =>
        [("plate", plate), ("vehicle_type", type), ("status", status)];

    [Fact]
    public void Vehicle_MemberHoldsCar_HouseholdFlaggedUnderHeadWithPlateAndType()
    {
        var month = Household().Record("vehicles", Wife, "李四", Vehicle("桂C12345", "小型普通客车"));
        var finding = Assert.Single(ShippedRules.Run("recipient-vehicle", month));
        Assert.Equal((Head, "H1", "张三", "苏桥镇"), (finding.IdNumber, finding.HouseholdId, finding.Name, finding.Township));
        Assert.True(finding.FeedsDataWarning);
        Assert.Equal([Programme.RuralDibao], finding.Programmes);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("vehicles", evidence.Source.Id);
        Assert.Equal(TestSources.Of("vehicles").ChineseName + "：李四 号牌号码 桂C12345，车辆类型 小型普通客车，机动车状态 正常", evidence.Text);
    }

    [Theory]
    [InlineData("普通二轮摩托车", "正常", 0)]
    [InlineData("正三轮载货摩托车", "正常", 0)]
    [InlineData("低速货车", "正常", 0)]
    [InlineData("小型轿车", "注销", 0)]
    [InlineData("小型轿车", "报废", 0)]
    [InlineData("小型轿车", null, 1)]
    [InlineData("小型轿车", "正常", 1)]
    public void Vehicle_ExemptTypeOrNotHeld_NoFlag(string type, string? status, int expected)
    {
        var month = Household().Record("vehicles", Head, "张三", Vehicle("桂C1", type, status));
        Assert.Equal(expected, ShippedRules.Run("recipient-vehicle", month).Count);
    }

    [Fact]
    public void Vehicle_NoStatusColumn_StillHeld()
    {
        var month = Household().Record("vehicles", Head, "张三", Vehicle("桂C1", "小型轿车", null)).WithoutColumn("vehicles", "status");
        Assert.Single(ShippedRules.Run("recipient-vehicle", month));
    }

    [Fact]
    public void Vehicle_EdgeHouseholdOrStoppedMemberOrOtherPerson_NoFlag()
    {
        Assert.Empty(ShippedRules.Run("recipient-vehicle", Household(Programme.Edge).Record("vehicles", Head, "张三", Vehicle("桂C1", "小型轿车"))));
        var stopped = new MonthBuilder().Roster(Head, "张三", "H1").Roster(Wife, "李四", "H1", status: EnrolmentStatus.Stopped, relation: "配偶")
            .Record("vehicles", Wife, "李四", Vehicle("桂C1", "小型轿车"));
        Assert.Empty(ShippedRules.Run("recipient-vehicle", stopped));
        Assert.Empty(ShippedRules.Run("recipient-vehicle", Household().Record("vehicles", Other, "王五", Vehicle("桂C1", "小型轿车"))));
        // A valid ID under another name is a review match, not the person's vehicle.
        Assert.Empty(ShippedRules.Run("recipient-vehicle", Household().Record("vehicles", Head, "张叁丰", Vehicle("桂C1", "小型轿车"))));
    }

    [Fact]
    public void Vehicle_RepairedId_FlaggedAsRepairedWithMaskedIdInEvidence()
    {
        var typo = Ids.WithWrongDigit(Head, 16);
        var finding = Assert.Single(ShippedRules.Run("recipient-vehicle", Household().Record("vehicles", typo, "张三", Vehicle("桂C1", "小型轿车"))));
        Assert.Equal(Confidence.Repaired, finding.Confidence);
        Assert.DoesNotContain(typo, finding.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("有误，按相近号码和姓名匹配", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Vehicle_MonthWithoutVehicles_Skipped()
    {
        var skipped = Assert.Single(FindingEngine.Skipped(Household().Build(), ShippedRules.Only("recipient-vehicle")));
        // Named as the shipped declaration names the source (its id until one is shipped).
        Assert.Equal("本月没有" + (SourceCatalog.Shipped.Find("vehicles")?.ChineseName ?? "vehicles") + "数据", skipped.Reason);
    }

    private static (string, object?)[] Home(string? location, string use = "住宅") => [("location", location), ("use", use), ("area", 90m)];

    [Fact]
    public void Property_TwoHomesOfTheHousehold_OverMaxHomes()
    {
        var one = Household().Record("property", Head, "张三", Home("苏桥镇古城村1号"));
        Assert.Empty(ShippedRules.Run("recipient-property", one));
        // Husband and wife co-own one home: a row each, one location — still one home.
        var coOwned = one.Record("property", Wife, "李四", Home("苏桥镇古城村1号"));
        Assert.Empty(ShippedRules.Run("recipient-property", coOwned));
        var two = coOwned.Record("property", Wife, "李四", Home("永福县城东路8号"));
        var finding = Assert.Single(ShippedRules.Run("recipient-property", two));
        Assert.Equal(3, finding.Evidence.Count);
        Assert.Contains("坐落 永福县城东路8号，用途 住宅", finding.Evidence[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_RowsWithoutLocation_EachCount()
    {
        Assert.Single(ShippedRules.Run("recipient-property", Household().Record("property", Head, "张三", Home(null)).Record("property", Head, "张三", Home(null))));
    }

    [Theory]
    [InlineData("商业", 1)]
    [InlineData("办公", 1)]
    [InlineData("车库", 0)]
    [InlineData("仓储", 0)]
    public void Property_OneBusinessUse_Flags(string use, int expected)
    {
        Assert.Equal(expected, ShippedRules.Run("recipient-property", Household().Record("property", Head, "张三", Home("城东路1号", use))).Count);
    }

    private static (string, object?)[] Entity(string role, string status, decimal? capital) =>
        [("entity", "永福县张三农资店"), ("role", role), ("status", status), ("capital", capital)];

    [Theory]
    [InlineData("经营者", "存续", 30000, 1)]
    [InlineData("法定代表人", "在业", null, 1)]
    [InlineData("监事", "存续", 30000, 0)]
    [InlineData("经营者", "注销", 30000, 0)]
    [InlineData("股东", "吊销", 30000, 0)]
    public void Business_ActiveEntityRole_FlagsPersonPerHomeHousehold(string role, string status, int? capital, int expected)
    {
        var month = Household().Record("business", Wife, "李四", Entity(role, status, capital));
        var findings = ShippedRules.Run("recipient-business", month);
        Assert.Equal(expected, findings.Count);
        if (expected == 1)
        {
            Assert.Equal((Wife, "H1", "李四"), (findings[0].IdNumber, findings[0].HouseholdId, findings[0].Name));
            Assert.Contains("市场主体名称 永福县张三农资店，身份 " + role, findings[0].Evidence[0].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Relocated_LowIncomePopulation_TaggedWhereverPlaced()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", Programme.Edge)
            .Monitoring(Monitored, "赵六")
            .Roster(Other, "王五", "H9", status: EnrolmentStatus.Stopped)
            .Record("relocation", Head, "张三", ("site", "城东安置区"))
            .Record("relocation", Monitored, "赵六", ("site", "城东安置区"))
            .Record("relocation", Other, "王五", ("site", "城东安置区"));
        var findings = ShippedRules.Run("tag-relocated", month);
        Assert.Equal([Head, Monitored], findings.Select(f => f.IdNumber).Order().ToArray());
        var monitored = findings.Single(f => f.IdNumber == Monitored);
        Assert.Equal(("", "罗锦镇"), (monitored.HouseholdId, monitored.Township));
        Assert.False(monitored.FeedsDataWarning);
    }

    [Fact]
    public void HousingAid_ApprovedAfterPeriodEnd_NotYet()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1")
            .Record("housing-aid", Head, "张三", ("aid_type", "农村危房改造"), ("approved_on", new DateOnly(2023, 7, 31)))
            .Record("housing-aid", Wife, "李四", ("aid_type", "租赁补贴"), ("approved_on", new DateOnly(2023, 8, 1)));
        var finding = Assert.Single(ShippedRules.Run("tag-housing-aid", month.Roster(Wife, "李四", "H1", relation: "配偶")));
        Assert.Equal(Head, finding.IdNumber);
    }

    private static (string, object?)[] Graduate(DateOnly? on, string? employment = "未就业", string stage = "本科", string status = "毕业") =>
        [("stage", stage), ("status", status), ("graduated_on", on), ("employment", employment)];

    [Theory]
    [InlineData(2022, 8, 1, "未就业", "本科", 1)]
    [InlineData(2022, 7, 31, "未就业", "本科", 0)] // outside the 12 months ending end(P)
    [InlineData(2023, 6, 30, null, "中职", 1)]
    [InlineData(2023, 6, 30, "已就业", "本科", 0)]
    [InlineData(2023, 6, 30, "升学", "大专", 0)]
    [InlineData(2023, 6, 30, "未就业", "高中", 0)]
    public void PoorGraduate_WindowEmploymentStage_BothSides(int y, int m, int d, string? employment, string stage, int expected)
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1", Programme.Tekun)
            .Record("students", Head, "张三", Graduate(new DateOnly(y, m, d), employment, stage));
        Assert.Equal(expected, ShippedRules.Run("tag-poor-graduate", month).Count);
    }

    [Fact]
    public void PoorGraduate_NoGraduationDateColumn_DateNotRequired()
    {
        var month = new MonthBuilder().Roster(Head, "张三", "H1").Record("students", Head, "张三", Graduate(null)).WithoutColumn("students", "graduated_on");
        Assert.Single(ShippedRules.Run("tag-poor-graduate", month));
        var withColumn = new MonthBuilder().Roster(Head, "张三", "H1").Record("students", Head, "张三", Graduate(null));
        Assert.Empty(ShippedRules.Run("tag-poor-graduate", withColumn));
    }

    /// <summary>A county's further sign of formal employment, by a rule file and a declaration alone: no code of its own.</summary>
    private const string HousingFundRule = """
        # 低保家庭成员有住房公积金缴存：近6个月有单位为其缴存公积金，提示有正式就业。
        id: recipient-housing-fund
        version: 1
        title: 低保对象有公积金缴存
        kind: record-held
        data_warning: true
        due_days: 30
        action: 核实其就业和工资收入，重新核算家庭收入。
        parameters:
          source: housing-fund
          holders: enrolled
          programmes: [urban-dibao, rural-dibao]
          per: household
          where:
            - field: month
              within_months: 6
            - field: amount
              at_least: 100
          show: [employer, month, amount]
        """;

    /// <summary>The county's declaration of its 公积金 extract, beside the shipped ones.</summary>
    private const string HousingFundSource = """
        # 住房公积金中心 缴存明细：每行一人一月的缴存。
        id: housing-fund
        names:
          zh: 住房公积金缴存
          en: housing provident fund deposits
        department: 住房公积金中心
        policy: history
        identity: [id_number, name]
        fields:
          - name: name
            type: name
            required: true
            headers: [姓名]
          - name: id_number
            type: resident-id
            required: true
            headers: [身份证号]
          - name: employer
            type: text
            headers: [单位名称]
          - name: month
            type: month
            required: true
            headers: [缴存月份]
          - name: amount
            type: money
            required: true
            headers: [月缴存额]
        """;

    private static SourceCatalog WithHousingFund() => SourceCatalog.Installation([new RuleFile("housing-fund.yaml", HousingFundSource)]);

    [Fact]
    public void HousingFund_RuleWrittenAsFileOnly_FlagsBothSides()
    {
        var catalog = WithHousingFund();
        Assert.Equal(TestSources.Of("housing-fund").Fields.Select(f => (f.Name, f.Type)), catalog.Find("housing-fund")!.Fields.Select(f => (f.Name, f.Type)));
        var rule = RuleFileLoader.Load(new RuleFile("recipient-housing-fund.yaml", HousingFundRule), catalog);
        var month = Household()
            .Record("housing-fund", Wife, "李四", ("employer", "桂林某公司"), ("month", new ReportingMonth(2023, 2)), ("amount", 300m))
            .Record("housing-fund", Head, "张三", ("employer", "桂林某公司"), ("month", new ReportingMonth(2023, 1)), ("amount", 300m))
            .Record("housing-fund", Head, "张三", ("employer", "桂林某公司"), ("month", new ReportingMonth(2023, 7)), ("amount", 99m));
        var finding = Assert.Single(FindingEngine.Evaluate(month.Build(), new ReportingMonth(2023, 7), RuleSet.From([rule]), MonthBuilder.County));
        Assert.Equal((Head, "recipient-housing-fund"), (finding.IdNumber, finding.RuleId));
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("住房公积金缴存：李四 单位名称 桂林某公司，缴存月份 2023-02，月缴存额 300.00 元", evidence.Text);
        Assert.Equal("housing-fund", evidence.Source.Id);
    }

    [Theory]
    [InlineData("- field: month\n      within_months: 6", "- field: mnth\n      within_months: 6", "declares no field 'mnth'")]
    [InlineData("- field: amount\n      at_least: 100", "- field: employer\n      at_least: 100", "field 'employer' of source 'housing-fund' is of type text")]
    [InlineData("source: housing-fund", "source: housing-funds", "'source' names 'housing-funds', which no source declaration declares")]
    public void HousingFund_RuleNamingAnUndeclaredFieldOrSource_RefusedWhenLoaded(string good, string bad, string message)
    {
        Assert.Contains(good, HousingFundRule, StringComparison.Ordinal);
        var e = Assert.Throws<RuleFileException>(() =>
            RuleFileLoader.Load(new RuleFile("recipient-housing-fund.yaml", HousingFundRule.Replace(good, bad, StringComparison.Ordinal)), WithHousingFund()));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("recipient-housing-fund.yaml", e.Message, StringComparison.Ordinal);
    }
}
