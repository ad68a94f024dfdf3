using ReliefMatch.Core.Extracts;

namespace ReliefMatch.SampleData.Plan;

internal sealed record VehicleRow(int Person, string Plate, string Type, string? Status, int RegisteredDay);

internal sealed record PropertyRow(int Person, string Location, decimal Area, string Use, int RegisteredDay);

internal sealed record BusinessRow(int Person, string Entity, string Role, long? CapitalCents, string Status, int FoundedDay);

internal sealed record IncomeRow(int Person, string Type, long MonthlyCents);

internal sealed partial class PlanCounty
{
    private const string PlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public List<VehicleRow> Vehicles { get; } = [];

    public List<PropertyRow> Properties { get; } = [];

    public List<BusinessRow> Businesses { get; } = [];

    /// <summary>Income paid every month of the 12 ending P.</summary>
    public List<IncomeRow> Incomes { get; } = [];

    /// <summary>A plate of the prefecture (桂C) nobody else has: five letters and digits drawn from <paramref name="random"/>.</summary>
    public static string Plate(ref SampleRandom random)
    {
        Span<char> plate = stackalloc char[7];
        plate[0] = '桂';
        plate[1] = 'C';
        for (var i = 2; i < 7; i++)
        {
            plate[i] = PlateLetters[i == 2 ? random.Next(24) : random.Next(PlateLetters.Length)];
        }
        return new string(plate);
    }

    /// <summary>A 坐落 in the person's village: 某某村3组12号, or a street address in a community.</summary>
    public string Location(ref SampleRandom random, int person)
    {
        var village = VillageOf(person);
        return village.IsCommunity
            ? $"{village.Township.Name}{random.Pick(SampleVocabulary.Streets)}{random.Between(1, 300)}号"
            : $"{village.Township.Name}{village.Name}{random.Between(1, 12)}组{random.Between(1, 80)}号";
    }

    private void PlanAssets(ref SampleRandom random)
    {
        var registered = End.AddYears(-3).DayNumber;

        // recipient-vehicle: a car (正常) flags; a motorcycle, and a car whose registration is cancelled, do not.
        foreach (var (type, status, flags, what) in new[]
        {
            ("小型轿车", "正常", true, "a 小型轿车, 正常"),
            ("普通二轮摩托车", "正常", false, "a 普通二轮摩托车 (exempt type)"),
            ("小型普通客车", "注销", false, "a 小型普通客车 whose registration is 注销"),
        })
        {
            var h = PickHousehold(ref random, DibaoOrTekun);
            if (h < 0)
            {
                continue;
            }
            var owner = FirstEnrolledPerson(h);
            var plate = Plate(ref random);
            Vehicles.Add(new VehicleRow(owner, plate, type, status, registered - random.Next(1500)));
            Note("recipient-vehicle", $"{what}, plate {plate}", flags, $"{Who(owner)}（{WhoHousehold(h)}）");
        }

        // recipient-property: two homes, or a shop, flag; one home held by two co-owners does not.
        var two = PickHousehold(ref random, DibaoOrTekun);
        if (two >= 0)
        {
            var members = EnrolledMembers(two).Select(m => Population.Members[m].Person).ToList();
            Properties.Add(new PropertyRow(members[0], Location(ref random, members[0]), 96.5m, "住宅", registered - random.Next(3000)));
            var second = members[^1];
            Properties.Add(new PropertyRow(second, $"永福县永福镇{random.Pick(SampleVocabulary.Streets)}{random.Between(1, 300)}号{random.Between(1, 6)}栋{random.Between(101, 1802)}室", 88.21m, "住宅", registered + random.Next(600)));
            Note("recipient-property", "two homes (住宅) at two locations", true, WhoHousehold(two));
        }
        var shop = PickHousehold(ref random, DibaoOrTekun);
        if (shop >= 0)
        {
            var owner = FirstEnrolledPerson(shop);
            Properties.Add(new PropertyRow(owner, $"永福县永福镇{random.Pick(SampleVocabulary.Streets)}{random.Between(1, 300)}号商铺", 42.6m, "商业", registered - random.Next(2000)));
            Note("recipient-property", "a property of use 商业", true, $"{Who(owner)}（{WhoHousehold(shop)}）");
        }
        var home = PickHousehold(ref random, DibaoOrTekun, minMembers: 2);
        if (home >= 0)
        {
            var members = EnrolledMembers(home).Select(m => Population.Members[m].Person).Take(2).ToList();
            var location = Location(ref random, members[0]);
            var day = registered - random.Next(4000);
            foreach (var owner in members)
            {
                Properties.Add(new PropertyRow(owner, location, 112.0m, "住宅", day));
            }
            Note("recipient-property", "one home (住宅) held by two co-owners of the household", false, WhoHousehold(home));
        }

        // recipient-business: the legal representative of an active firm flags; a partner in a cancelled one, and a 监事, do not.
        foreach (var (role, status, capital, flags, what) in new (string, string, long?, bool, string)[]
        {
            ("法定代表人", "存续", 5_000_000, true, "法定代表人 of a 存续 firm (capital 5万元)"),
            ("股东", "注销", 3_000_000, false, "股东 of a 注销 firm"),
            ("监事", "存续", 10_000_000, false, "监事 of a 存续 firm (not a role that counts)"),
        })
        {
            var h = PickHousehold(ref random, DibaoOrTekun);
            if (h < 0)
            {
                continue;
            }
            var person = FirstEnrolledPerson(h);
            var entity = Entity(ref random, person);
            Businesses.Add(new BusinessRow(person, entity, role, capital, status, registered - random.Next(2500)));
            Note("recipient-business", $"{what}: {entity}", flags, $"{Who(person)}（{WhoHousehold(h)}）");
        }
    }

    /// <summary>A firm's name: 永福县某某商贸有限公司, or a sole trader's 某某小卖部.</summary>
    public string Entity(ref SampleRandom random, int person)
    {
        var village = VillageOf(person);
        string[] kinds = ["商贸有限公司", "农业发展有限公司", "建材经营部", "种养专业合作社", "小卖部", "运输有限公司", "餐饮店"];
        string[] words = ["兴旺", "福源", "金穗", "鑫达", "绿野", "恒通", "瑞丰", "宏盛", "佳禾", "永盛"];
        return $"{village.County.Name}{village.Township.Name.TrimEnd('镇', '乡')}{random.Pick(words)}{random.Pick(kinds)}";
    }

    private void PlanIncome(ref SampleRandom random)
    {
        // recipient-income: wages over the rural standard × 12 × members flag; a pension just under the urban one does not.
        var over = PickHousehold(ref random, [Programme.RuralDibao]);
        if (over >= 0)
        {
            var members = EnrolledMembers(over).Count();
            var earner = FirstEnrolledPerson(over);
            var monthly = (RuralStandard * members + 10) * 100L;
            Incomes.Add(new IncomeRow(earner, "工资", monthly));
            Note("recipient-income", $"工资 {monthly / 100m:0.00} a month for 12 months over {RuralStandard} × 12 × {members} members", true, $"{Who(earner)}（{WhoHousehold(over)}）");
        }
        var under = PickHousehold(ref random, [Programme.UrbanDibao]);
        if (under < 0)
        {
            under = PickHousehold(ref random, [Programme.RuralDibao]);
        }
        if (under >= 0)
        {
            var members = EnrolledMembers(under).Count();
            var standard = Household(under).Programme == Programme.UrbanDibao ? UrbanStandard : RuralStandard;
            var earner = FirstEnrolledPerson(under);
            var monthly = (standard * members - 1) * 100L;
            Incomes.Add(new IncomeRow(earner, "企业职工养老金", monthly));
            Note("recipient-income", $"企业职工养老金 {monthly / 100m:0.00} a month: 12 yuan under {standard} × 12 × {members} members", false, $"{Who(earner)}（{WhoHousehold(under)}）");
        }
    }
}
