using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.Places;
using ReliefMatch.SampleData.Plan;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 公安交管 机动车登记: the planted vehicles of recipients, then about one vehicle for every ten people of the county,
/// owned by people on no list. Messy: a GB18030 CSV with a title, dates written 20190304.
/// </summary>
internal sealed class VehiclesWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "vehicles", 314)
{
    private static readonly string[] Types = ["小型轿车", "小型普通客车", "普通二轮摩托车", "轻便二轮摩托车", "三轮汽车", "低速货车", "轻型普通货车", "小型越野客车"];
    private static readonly WeightedChoice TypeChoice = new(35, 15, 25, 8, 4, 4, 6, 3);
    private static readonly string[] Statuses = ["正常", "注销", "报废", "被盗抢", "违法未处理"];
    private static readonly WeightedChoice StatusChoice = new(900, 40, 40, 5, 15);

    public override long ExpectedRows => Population.Persons.Count / 10;

    public override void Write() =>
        WriteFile($"vehicles-{CompactMonth}.csv", new DeclaredFile($"机动车登记信息_{CompactMonth}.csv", FileFormat.CsvGb18030,
            [$"{Gazetteer.Home.Name}机动车登记信息（{ChineseMonth}）"],
            [new("owner_name"), new("id_number"), new("plate"), new("vehicle_type"), new("registered_on"), new("status")],
            new FileStyle { Dates = [(DateForm.Compact, 70), (DateForm.IsoMidnight, 30)], Tab = 200 }), Rows());

    private IEnumerable<object?[]> Rows() => PlantedThenGeneral(Plan.Vehicles, v => Row(v.Person, v.Plate, v.Type, v.Status, v.RegisteredDay), ExpectedRows,
        owner => Row(owner, PlanCounty.Plate(ref Data), Types[TypeChoice.Pick(ref Data)], Statuses[StatusChoice.Pick(ref Data)],
            Population.End.DayNumber - 30 - Data.Next(15 * 365)));

    private object?[] Row(int person, string plate, string type, string? status, int day) =>
        [NameOf(person), IdOf(person), plate, type, new DayCell(day), status];
}

/// <summary>
/// 不动产登记: the planted properties of recipients, then homes (and a few shops) of people on no list. Messy: a
/// spreadsheet with two title rows, 建筑面积(㎡).
/// </summary>
internal sealed class PropertyWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "property", 315)
{
    private static readonly string[] OtherUses = ["商业", "商服", "车库", "仓储"];

    public override long ExpectedRows => Plan.Properties.Count + Population.Options.Households / 3;

    public override void Write() =>
        WriteFile($"property-{CompactMonth}.csv", new DeclaredFile($"不动产登记信息_{CompactMonth}.xlsx", FileFormat.Xlsx,
            [$"{Gazetteer.Home.Name}不动产登记信息查询结果", $"查询日期：{ExportDay:yyyy-MM-dd}"],
            [Column.Other("序号"), new("owner_name"), new("id_number"), new("location", 1), new("area", 0, "(㎡)"), new("use", 2), new("registered_on", 1)],
            new FileStyle { Dates = [(DateForm.Cell, 80), (DateForm.Slash, 20)] }), Rows());

    private IEnumerable<object?[]> Rows() => PlantedThenGeneral(Plan.Properties, p => Row(p.Person, p.Location, p.Area, p.Use, p.RegisteredDay), ExpectedRows,
        owner =>
        {
            var use = Data.PerMille(900) ? "住宅" : Data.Pick(OtherUses);
            var area = (decimal)Data.Between(4500, 16000) / 100m;
            return Row(owner, Plan.Location(ref Data, owner), area, use, Population.End.DayNumber - 60 - Data.Next(20 * 365));
        });

    private object?[] Row(int person, string location, decimal area, string use, int day) =>
        [NameOf(person), IdOf(person), location, new NumberCell(area), use, new DayCell(day)];
}

/// <summary>
/// 市场监管 市场主体登记: the planted roles of recipients, then firms of people on no list. Messy: a UTF-8 CSV with
/// BOM whose 注册资本 is in 万元.
/// </summary>
internal sealed class BusinessWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "business", 316)
{
    private static readonly string[] Roles = ["法定代表人", "股东", "投资人", "经营者", "监事"];
    private static readonly string[] Statuses = ["存续", "在业", "开业", "吊销", "注销", "迁出"];
    private static readonly WeightedChoice StatusChoice = new(600, 150, 50, 80, 110, 10);

    public override long ExpectedRows => Plan.Businesses.Count + Population.Options.Households / 6;

    public override void Write() =>
        WriteFile($"business-{CompactMonth}.csv", new DeclaredFile($"市场主体登记信息_{CompactMonth}.csv", FileFormat.CsvUtf8Bom,
            [$"{Gazetteer.Home.Name}市场主体人员信息"],
            [new("name", 1), new("id_number", 1), new("entity", 1), new("role", 2), new("capital", 0, "（万元）"), new("status"), new("founded_on")],
            new FileStyle { Dates = [(DateForm.Iso, 1)] }), Rows());

    private IEnumerable<object?[]> Rows() => PlantedThenGeneral(Plan.Businesses, b => Row(b.Person, b.Entity, b.Role, b.CapitalCents, b.Status, b.FoundedDay), ExpectedRows,
        person =>
        {
            long? capital = Data.PerMille(150) ? null : Data.Between(1, 500) * 1_000_000L;
            return Row(person, Plan.Entity(ref Data, person), Data.Pick(Roles), capital, Statuses[StatusChoice.Pick(ref Data)],
                Population.End.DayNumber - 30 - Data.Next(15 * 365));
        });

    private object?[] Row(int person, string entity, string role, long? capital, string status, int day) =>
        [NameOf(person), IdOf(person), entity, role, capital is { } c ? new MoneyCell(c) : null, status, new DayCell(day)];
}

/// <summary>
/// 人社 收入: for about one person in ten, a wage or pension each month of the 12 ending P (people on no list), and the
/// planted incomes of recipients. Messy: a GB18030 CSV with a title and a 合计 row, 待遇所属期 spelt every way.
/// </summary>
internal sealed class IncomeWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "income", 317)
{
    private static readonly string[] Types = ["工资", "城乡居民养老金", "企业职工养老金", "机关事业养老金", "失业保险金"];
    private static readonly WeightedChoice TypeChoice = new(45, 30, 15, 7, 3);
    private static readonly (int Low, int High)[] Ranges = [(2200, 6500), (118, 260), (1800, 3600), (3500, 6500), (1400, 1700)];

    private int Earners => Population.Persons.Count / 10;

    public override long ExpectedRows => Earners * 12L;

    public override void Write() =>
        WriteFile($"income-{CompactMonth}.csv", new DeclaredFile($"人社待遇发放明细_{CompactMonth}.csv", FileFormat.CsvGb18030,
            [$"{Gazetteer.Home.Name}人力资源和社会保障局 待遇发放明细"],
            [Column.Other("序号"), new("name"), new("id_number", 1), new("income_type", 1), new("month", 2), new("amount", 2, "(元)")],
            new FileStyle { Money = [(MoneyForm.Plain, 60), (MoneyForm.Yuan, 20), (MoneyForm.Thousands, 20)], Spaces = 100 },
            Footer: true, SumField: "amount"), Rows());

    private IEnumerable<object?[]> Rows()
    {
        var first = ReportingMonth.FromOrdinal(Population.Period.Ordinal - 11);
        foreach (var income in Plan.Incomes)
        {
            for (var month = first; month <= Population.Period; month = month.Next)
            {
                yield return Row(income.Person, income.Type, month, income.MonthlyCents);
            }
        }
        var general = Plan.GeneralEnd - Plan.GeneralStart;
        for (var i = Plan.Incomes.Count; i < Earners; i++)
        {
            var person = Plan.GeneralStart + Data.Next(general);
            var type = TypeChoice.Pick(ref Data);
            var cents = Data.Between(Ranges[type].Low, Ranges[type].High) * 100L;
            for (var month = first; month <= Population.Period; month = month.Next)
            {
                yield return Row(person, Types[type], month, cents);
            }
        }
    }

    private object?[] Row(int person, string type, ReportingMonth month, long cents) =>
        [NameOf(person), IdOf(person), type, new MonthCell(month.Year, month.Month), new MoneyCell(cents)];
}
