using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;
using ReliefMatch.SampleData.Plan;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 公安 户籍人口: everyone living of the home roster households, each once, one 户号 per household (with the staff
/// registered in some of them), and the staff's own households. Messy: a spreadsheet with two title rows, and two
/// IDs Excel turned into numbers.
/// </summary>
internal sealed class HukouWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "hukou", 311)
{
    public override long ExpectedRows => Population.HomeHouseholdCount * 3L;

    public override void Write() =>
        WriteFile($"hukou-{CompactMonth}.csv", new DeclaredFile($"户籍人口信息_{CompactMonth}.xlsx", FileFormat.Xlsx,
            [$"{Gazetteer.Home.Name}户籍人口信息表", $"数据截止日期：{Population.End:yyyy年M月d日}"],
            [Column.Other("序号"), new("hukou_no"), new("name"), new("id_number"), new("relation"), new("address", 1), new("township", 3), new("village", 4)],
            new FileStyle { Apostrophe = 100, PaddedNames = 20 }), Rows());

    private IEnumerable<object?[]> Rows()
    {
        var seen = new HashSet<int>();
        for (var h = 0; h < Population.HomeHouseholdCount; h++)
        {
            var household = Population.Households[h];
            var number = $"{household.Village + 1:D3}{household.Serial % 100_000:D5}";
            var address = Address(household.Village, household.Serial);
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                var member = Population.Members[m];
                if ((Population.Persons[member.Person].Traits & PersonTraits.Unused) == 0
                    && Population.DeathDayOf(member.Person) > Population.End.DayNumber && seen.Add(member.Person))
                {
                    yield return Row(member.Person, number, member.Relation, address);
                }
            }
            foreach (var (person, relation) in Plan.HukouAdded(h))
            {
                yield return Row(person, number, relation, address);
            }
        }
        for (var i = 0; i < Plan.StaffHouseholds.Count; i++)
        {
            var staff = Plan.StaffHouseholds[i];
            var number = $"{staff.Village + 1:D3}9{i % 10_000:D4}";
            foreach (var (person, relation) in staff.Members)
            {
                yield return Row(person, number, relation, Address(staff.Village, 500 + i));
            }
        }
    }

    private static string Address(int village, int serial)
    {
        var place = Gazetteer.Villages[village];
        return place.IsCommunity
            ? $"广西{place.County.Name}{place.Township.Name}{SampleVocabulary.Streets[serial % SampleVocabulary.Streets.Count]}{serial % 300 + 1}号"
            : $"广西{place.County.Name}{place.Township.Name}{place.Name}{serial % 12 + 1}组{serial % 80 + 1}号";
    }

    private object?[] Row(int person, string number, Relation relation, string address)
    {
        var (township, village) = PlaceOf(person);
        return [number, NameOf(person), IdOf(person, Plan.IsHukouIdDamaged(person)), relation.Chinese(), address, township, village];
    }
}

/// <summary>社会救助经办人员及村(社区)干部名册: a UTF-8 CSV with BOM and a title row.</summary>
internal sealed class StaffWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "staff", 312)
{
    public override long ExpectedRows => Plan.Staff.Count;

    public override void Write() =>
        WriteFile($"staff-{CompactMonth}.csv", new DeclaredFile($"社会救助经办人员及村干部名册_{CompactMonth}.csv", FileFormat.CsvUtf8Bom,
            [$"{Gazetteer.Home.Name}社会救助经办人员及村(社区)干部名册（{ChineseMonth}）"],
            [Column.Other("序号"), new("name"), new("id_number", 1), new("role", 1), new("unit", 1), new("post"), new("township", 1), new("village", 1)],
            new FileStyle { LowerX = 500 }),
            Plan.Staff.Select(s =>
            {
                var (township, village) = PlaceOf(s.Person);
                return new object?[] { NameOf(s.Person), IdOf(s.Person), s.Role, s.Unit, s.Post, township, village };
            }));
}

/// <summary>近亲属备案登记: a UTF-8 CSV, dates written 2023年7月4日.</summary>
internal sealed class KinFilingsWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "kin-filings", 313)
{
    public override long ExpectedRows => Plan.KinFilings.Count;

    public override void Write() =>
        WriteFile($"kin-filings-{CompactMonth}.csv", new DeclaredFile($"近亲属备案登记_{CompactMonth}.csv", FileFormat.CsvUtf8, [],
            [Column.Other("序号"), new("name"), new("id_number"), new("relationship", 1), new("staff_name", 1), new("staff_id_number", 1), new("filed_on", 1)],
            new FileStyle { Dates = [(DateForm.Chinese, 1)] }),
            Plan.KinFilings.Select(k => new object?[]
            {
                NameOf(k.Person), IdOf(k.Person), ChineseNames.ToString(Population.Persons[k.Staff].Name),
                ResidentIdText.ToString(Population.Persons[k.Staff].Key), k.Relationship, new DayCell(k.FiledDay),
            }));
}
