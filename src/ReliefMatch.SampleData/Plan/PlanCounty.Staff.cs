using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Plan;

/// <summary>A row of the staff register: the person, 人员类别, 工作单位 and 职务.</summary>
internal sealed record StaffMember(int Person, string Role, string Unit, string Post);

/// <summary>A row of the kin filings: the relative who receives assistance, the member of staff, and the day filed.</summary>
internal sealed record KinFiling(int Person, int Staff, string Relationship, int FiledDay);

/// <summary>A registered household (户) that is no roster household: a member of staff's.</summary>
internal sealed record OtherHukou(int Village, IReadOnlyList<(int Person, Relation Relation)> Members);

internal sealed partial class PlanCounty
{
    private static readonly Programme[] AnyProgramme = [Programme.UrbanDibao, Programme.RuralDibao, Programme.Tekun, Programme.Edge, Programme.Expenditure];

    private readonly Dictionary<int, List<(int Person, Relation Relation)>> _hukouAdded = [];
    private readonly HashSet<int> _damagedHukou = [];

    public List<StaffMember> Staff { get; } = [];

    public List<KinFiling> KinFilings { get; } = [];

    public List<OtherHukou> StaffHouseholds { get; } = [];

    /// <summary>The people a roster household's register holds beside its roster members (a son who works for the village).</summary>
    public IReadOnlyList<(int Person, Relation Relation)> HukouAdded(int h) =>
        _hukouAdded.TryGetValue(h, out var list) ? list : [];

    /// <summary>Whether the register's row of the person carries the ID as Excel damaged it.</summary>
    public bool IsHukouIdDamaged(int person) => _damagedHukou.Contains(person);

    private void PlanStaff(ref SampleRandom random)
    {
        // Each home township's civil-affairs clerk, and cadres of some villages, each in a registered household of their own.
        foreach (var township in Gazetteer.Home.Townships)
        {
            var village = township.Villages[0];
            AddStaff(ref random, village.Index, new StaffMember(-1, "民政经办人员", $"{township.Name}人民政府", "民政专干"));
        }
        var cadres = Math.Max(10, Population.Options.Households / 30);
        var villages = Gazetteer.Villages.Where(v => v.County == Gazetteer.Home).ToList();
        for (var i = 0; i < cadres; i++)
        {
            var village = villages[random.Next(villages.Count)];
            var (unit, post) = village.IsCommunity ? ($"{village.Name}居民委员会", "社区主任") : ($"{village.Name}村民委员会", random.PerMille(500) ? "村委会主任" : "村文书");
            AddStaff(ref random, village.Index, new StaffMember(-1, random.PerMille(900) ? "村(社区)干部" : "乡镇干部", unit, post));
        }

        // A cadre registered in an enrolled household (a son), nothing filed: the household's enrolled members.
        var h1 = PickHousehold(ref random, AnyProgramme);
        if (h1 >= 0)
        {
            var son = StaffInHousehold(ref random, h1);
            Note("kin-not-filed", "enrolled members of a household whose register holds a village cadre, not filed", true, $"{WhoHousehold(h1)}，干部 {Who(son)}");
        }
        // An enrolled person who is a cadre herself (her household's other enrolled members share her 户号).
        var h2 = PickHousehold(ref random, AnyProgramme);
        if (h2 >= 0)
        {
            var cadre = FirstEnrolledPerson(h2);
            var village = VillageOf(cadre);
            Staff.Add(new StaffMember(cadre, "村(社区)干部", $"{village.Name}村民委员会", "村民小组长"));
            Note("kin-not-filed", "an enrolled person who is a village cadre, not filed", true, $"{Who(cadre)}（{WhoHousehold(h2)}）");
        }
        // Filed before end(P), filed on end(P): no flag; filed the day after end(P): flag.
        foreach (var (days, flags, what) in new[] { (-200, false, "filed 200 days before end(P)"), (0, false, "filed on end(P)"), (1, true, "filed the day after end(P)") })
        {
            var h = PickHousehold(ref random, AnyProgramme);
            if (h < 0)
            {
                continue;
            }
            var staff = StaffInHousehold(ref random, h);
            foreach (var m in EnrolledMembers(h))
            {
                var relative = Population.Members[m].Person;
                KinFilings.Add(new KinFiling(relative, staff, Population.Members[m].Relation is Relation.Head or Relation.Self ? "父母" : "兄弟姐妹", End.DayNumber + days));
            }
            Note("kin-not-filed", $"a cadre's enrolled relatives, {what}", flags, $"{WhoHousehold(h)}，干部 {Who(staff)}");
        }

        // Two register rows whose 公民身份号码 Excel turned into a number: refused on import, with the reason.
        for (var i = 0; i < 2; i++)
        {
            var h = PickHousehold(ref random, AnyProgramme);
            if (h >= 0)
            {
                var person = Population.Members[Household(h).FirstMember].Person;
                _damagedHukou.Add(person);
                Note("import", "hukou: 公民身份号码 damaged by Excel (row refused)", false, Who(person));
            }
        }
    }

    /// <summary>A new member of staff registered in roster household <paramref name="h"/>: the head's son, a village cadre.</summary>
    private int StaffInHousehold(ref SampleRandom random, int h)
    {
        var head = Population.Members[Household(h).FirstMember].Person;
        var village = Household(h).Village;
        var son = Population.AddPerson(ref random, village, 26, 45, male: true, ChineseNames.SurnameOf(Person(head).Name));
        _usedPersons.Add(son);
        _hukouAdded[h] = [(son, Relation.Son)];
        var place = Gazetteer.Villages[village];
        Staff.Add(new StaffMember(son, "村(社区)干部", $"{place.Name}村民委员会", "村文书"));
        return son;
    }

    /// <summary>A member of staff with a registered household of their own (and a spouse in it).</summary>
    private void AddStaff(ref SampleRandom random, int village, StaffMember template)
    {
        var male = random.PerMille(600);
        var person = Population.AddPerson(ref random, village, 28, 55, male);
        var spouse = Population.AddPerson(ref random, village, 28, 55, !male);
        _usedPersons.Add(person);
        _usedPersons.Add(spouse);
        Staff.Add(template with { Person = person });
        StaffHouseholds.Add(new OtherHukou(village, [(person, Relation.Head), (spouse, Relation.Spouse)]));
    }
}
