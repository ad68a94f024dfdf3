using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;
using ReliefMatch.SampleData.Plan;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 教育 学生学籍: the planted graduates, then young people of the roster households and of the county at school
/// (在读) or graduated into work. Messy: a UTF-8 CSV with a title, 毕业时间 as a month.
/// </summary>
internal sealed class StudentsWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "students", 318)
{
    public override long ExpectedRows => Plan.Students.Count + Population.Options.Households / 4;

    public override void Write() =>
        WriteFile($"students-{CompactMonth}.csv", new DeclaredFile($"学生学籍信息_{CompactMonth}.csv", FileFormat.CsvUtf8,
            [$"{Gazetteer.Home.Name}籍学生学籍及毕业生信息"],
            [new("name"), new("id_number", 1), new("school"), new("stage", 1), new("status"), new("graduated_on"), new("employment", 1)],
            new FileStyle { Dates = [(DateForm.Month, 50), (DateForm.ChineseMonth, 50)] }), Rows());

    private IEnumerable<object?[]> Rows()
    {
        foreach (var s in Plan.Students)
        {
            yield return Row(s.Person, s.School, s.Stage, s.Status, s.GraduatedDay, s.Employment);
        }
        var written = Plan.Students.Count;
        for (var p = 0; p < Population.Persons.Count && written < ExpectedRows; p++)
        {
            var person = Population.Persons[p];
            var age = AgeProfile.AgeAt(ResidentIdText.BirthDay(person.Key), Population.End);
            if (age is < 15 or > 24 || (person.Traits & (PersonTraits.Unused | PersonTraits.Dead)) != 0 || Population.VillageOf(p).County != Gazetteer.Home
                || !Data.PerMille(400))
            {
                continue;
            }
            written++;
            if (age >= 23)
            {
                // Graduated into work or further study: no tag.
                yield return Row(p, "广西大学", "本科", "毕业", Population.End.AddYears(-(age - 22)).DayNumber - 30, Data.PerMille(800) ? "已就业" : "升学");
            }
            else
            {
                var stage = age < 18 ? Data.PerMille(700) ? "高中" : "中职" : Data.PerMille(600) ? "本科" : "高职";
                var school = stage switch { "高中" => "永福县永福中学", "中职" => "永福县职业技术学校", "本科" => "桂林理工大学", _ => "广西工业职业技术学院" };
                yield return Row(p, school, stage, "在读", null, null);
            }
        }
    }

    private object?[] Row(int person, string school, string stage, string status, int? graduated, string? employment) =>
        [NameOf(person), IdOf(person), school, stage, status, graduated is { } g ? new DayCell(g) : null, employment];
}

/// <summary>住建 住房救助: the planted aid of low-income heads, then aid to people on no list. Messy: a spreadsheet.</summary>
internal sealed class HousingAidWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "housing-aid", 319)
{
    private static readonly string[] Types = ["农村危房改造", "公租房实物保障", "租赁补贴"];

    public override long ExpectedRows => Plan.HousingAid.Count + Math.Max(3, Population.Options.Households / 30);

    public override void Write() =>
        WriteFile($"housing-aid-{CompactMonth}.csv", new DeclaredFile($"住房救助对象名册_{CompactMonth}.xlsx", FileFormat.Xlsx,
            [$"{Gazetteer.Home.Name}住房救助对象名册"],
            [Column.Other("序号"), new("name"), new("id_number"), new("aid_type", 1), new("approved_on", 2), new("township"), new("village")],
            new FileStyle { Dates = [(DateForm.Cell, 1)] }), Rows());

    private IEnumerable<object?[]> Rows() => PlantedThenGeneral(Plan.HousingAid, aid => Row(aid.Person, aid.Type, aid.ApprovedDay), ExpectedRows,
        person => Row(person, Data.Pick(Types), Population.End.DayNumber - 90 - Data.Next(6 * 365)));

    private object?[] Row(int person, string type, int day)
    {
        var (township, village) = PlaceOf(person);
        return [NameOf(person), IdOf(person), type, new DayCell(day), township, village];
    }
}

/// <summary>乡村振兴 易地扶贫搬迁: the planted relocated, then people on no list. Messy: a GB18030 CSV.</summary>
internal sealed class RelocationWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "relocation", 320)
{
    private static readonly string[] Sites = ["永福县城北易地扶贫搬迁安置区", "永福县苏桥镇易地扶贫搬迁安置点", "永福县罗锦镇安置点"];

    public override long ExpectedRows => Plan.Relocated.Count + Math.Max(3, Population.Options.Households / 20);

    public override void Write() =>
        WriteFile($"relocation-{CompactMonth}.csv", new DeclaredFile($"易地扶贫搬迁人口_{CompactMonth}.csv", FileFormat.CsvGb18030, [],
            [new("household_id", 1), new("name"), new("id_number", 1), new("site", 1), new("moved_on", 1)],
            new FileStyle { Dates = [(DateForm.Chinese, 60), (DateForm.Dotted, 40)] }), Rows());

    private IEnumerable<object?[]> Rows() => PlantedThenGeneral(Plan.Relocated, r => Row(r.Person, r.HouseholdCode, r.Site, r.MovedDay), ExpectedRows,
        person => Row(person, Plan.HouseholdCode(ref Data, person), Data.Pick(Sites), new DateOnly(2018, 6, 1).DayNumber + Data.Next(3 * 365)));

    private object?[] Row(int person, string household, string site, int day) =>
        [NameOf(person), IdOf(person), household, site, new DayCell(day)];
}

/// <summary>乡村振兴 脱贫人口: the members of monitored 脱贫不稳定户, and people on no list. Messy: a UTF-8 CSV with BOM.</summary>
internal sealed class PovertyExitWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "poverty-exit", 321)
{
    public override long ExpectedRows => Population.Options.Households / 10 + Population.Monitored.Length;

    public override void Write() =>
        WriteFile($"poverty-exit-{CompactMonth}.csv", new DeclaredFile($"脱贫人口信息_{CompactMonth}.csv", FileFormat.CsvUtf8Bom, [],
            [new("household_id"), new("name"), new("id_number", 1), new("exit_year")], new FileStyle { Apostrophe = 200 }), Rows());

    private IEnumerable<object?[]> Rows()
    {
        foreach (var household in Population.Monitored)
        {
            if (household.MonitorType != 0)
            {
                continue;
            }
            var code = Gazetteer.Villages[household.Village].Code + (household.Serial % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var year = 2016 + Data.Next(5);
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                yield return Row(Population.MonitoredMembers[m].Person, code, year);
            }
        }
        var general = Plan.GeneralEnd - Plan.GeneralStart;
        for (var i = 0; i < Population.Options.Households / 10; i++)
        {
            var person = Plan.GeneralStart + Data.Next(general);
            yield return Row(person, Plan.HouseholdCode(ref Data, person), 2016 + Data.Next(5));
        }
    }

    private object?[] Row(int person, string household, int year) =>
        [NameOf(person), IdOf(person), household, new NumberCell(year)];
}

/// <summary>民政 临时救助: grants of the last year to enrolled low-income people and others. Messy: a spreadsheet with a 合计 row.</summary>
internal sealed class TemporaryAidWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "temporary-aid", 322)
{
    public override long ExpectedRows => Math.Max(8, Population.Options.Households / 10);

    public override void Write() =>
        WriteFile($"temporary-aid-{CompactMonth}.csv", new DeclaredFile($"临时救助台账_{CompactMonth}.xlsx", FileFormat.Xlsx,
            [$"{Gazetteer.Home.Name}临时救助台账（{ChineseMonth}）"],
            [Column.Other("序号"), new("name"), new("id_number", 1), new("kind", 1), new("granted_on"), new("amount"), new("township"), new("village")],
            new FileStyle { Dates = [(DateForm.Cell, 1)], Money = [(MoneyForm.Cell, 1)] }, Footer: true, SumField: "amount"), Rows());

    private IEnumerable<object?[]> Rows()
    {
        var general = Plan.GeneralEnd - Plan.GeneralStart;
        for (var i = 0; i < ExpectedRows; i++)
        {
            int person;
            if (Data.PerMille(600))
            {
                var h = Data.Next(Population.HomeHouseholdCount);
                person = Population.Members[Population.Households[h].FirstMember].Person;
            }
            else
            {
                person = Plan.GeneralStart + Data.Next(general);
            }
            var (township, village) = PlaceOf(person);
            var kind = Data.PerMille(650) ? "急难型" : "支出型";
            yield return [NameOf(person), IdOf(person), new DayCell(Population.End.DayNumber - Data.Next(365)), new MoneyCell(Data.Between(5, 60) * 10_000L), kind, township, village];
        }
    }
}

/// <summary>社会救助 申请受理: the county's applications of the last three months, planted ones first. Messy: a UTF-8 CSV.</summary>
internal sealed class ApplicationsWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "applications", 323)
{
    public override long ExpectedRows => Plan.Applications.Count;

    public override void Write() =>
        WriteFile($"applications-{CompactMonth}.csv", new DeclaredFile($"社会救助申请受理_{CompactMonth}.csv", FileFormat.CsvUtf8, [],
            [new("application_no", 1), new("name"), new("id_number"), new("channel", 1), new("programme", 1), new("applied_on"), new("accepted_on"),
             new("visited_on"), new("decided_on"), new("decision"), new("township"), new("village")],
            new FileStyle { Dates = [(DateForm.IsoMinutes, 60), (DateForm.Iso, 40)] }),
            Plan.Applications.Select(a =>
            {
                var (township, village) = PlaceOf(a.Person);
                return new object?[]
                {
                    a.Number, NameOf(a.Person), IdOf(a.Person), a.Channel, a.Programme, new DayCell(a.AppliedDay), new DayCell(a.AcceptedDay),
                    a.VisitedDay is { } v ? new DayCell(v) : null, a.DecidedDay is { } d ? new DayCell(d) : null, a.Decision, township, village,
                };
            }));
}
