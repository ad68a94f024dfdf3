using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Plan;

/// <summary>
/// What the plan's other sources (payments, household register, staff, vehicles, property, …) say about the sample
/// county, decided before any of their files is written: the people they add (staff and their relatives), and the
/// cases planted for each of the plan's other checks with a near miss beside each, named for the sample's note.
/// </summary>
/// <remarks>
/// Built after the county, from random streams of its own (300 and up), so the six older sources' files stay byte
/// for byte what they were. Everything not planted is drawn so that it raises nothing: vehicles, businesses, income
/// and second homes belong to people on no list; every enrolled household is paid its amount on its own account.
/// </remarks>
internal sealed partial class PlanCounty
{
    /// <summary>The bureau's defaults of the income check (yuan per person per month).</summary>
    public const int UrbanStandard = 800;
    public const int RuralStandard = 450;

    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<PlantNote> _notes = [];
    private readonly HashSet<int> _usedHouseholds = [];
    private readonly HashSet<int> _usedPersons = [];
    private readonly int[] _householdOfMember;

    private PlanCounty(SamplePopulation population)
    {
        Population = population;
        Period = population.Period;
        End = population.End;
        GeneralEnd = population.Persons.Count;
        GeneralStart = GeneralEnd - population.Options.Households * 3 / 2;
        _householdOfMember = new int[population.Members.Length];
        for (var h = 0; h < population.Households.Length; h++)
        {
            var household = population.Households[h];
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                _householdOfMember[m] = h;
            }
        }
    }

    public SamplePopulation Population { get; }

    public ReportingMonth Period { get; }

    public DateOnly End { get; }

    /// <summary>People of the county at large (on no list, alive, home county): <c>[GeneralStart, GeneralEnd)</c>.</summary>
    public int GeneralStart { get; }

    public int GeneralEnd { get; }

    /// <summary>How many of each planted case, for the summary.</summary>
    public IReadOnlyDictionary<string, int> Planted => _counts;

    /// <summary>Each planted case with the people it concerns (names, masked IDs), in planting order.</summary>
    public IReadOnlyList<PlantNote> Notes => _notes;

    public static PlanCounty Build(SamplePopulation population)
    {
        var plan = new PlanCounty(population);
        var random = new SampleRandom(population.Seed, 301);
        plan.PlanPayments(ref random);
        random = new SampleRandom(population.Seed, 302);
        plan.PlanStaff(ref random);
        random = new SampleRandom(population.Seed, 303);
        plan.PlanAssets(ref random);
        random = new SampleRandom(population.Seed, 304);
        plan.PlanIncome(ref random);
        random = new SampleRandom(population.Seed, 305);
        plan.PlanTags(ref random);
        random = new SampleRandom(population.Seed, 306);
        plan.PlanApplications(ref random);
        return plan;
    }

    /// <summary>The roster household a member row belongs to.</summary>
    public int HouseholdOf(int member) => _householdOfMember[member];

    public ref readonly RosterHousehold Household(int h) => ref Population.Households[h];

    public ref readonly SamplePerson Person(int p) => ref Population.Persons[p];

    public SampleVillage VillageOf(int person) => Population.VillageOf(person);

    /// <summary>家庭编号 as the roster writes it: village code + 5 digits.</summary>
    public string HouseholdId(int h)
    {
        var household = Population.Households[h];
        return Gazetteer.Villages[household.Village].Code + (household.Serial % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the person was made after the county (staff, relatives) or is on no list.</summary>
    public bool IsGeneral(int person) => person >= GeneralStart;

    /// <summary>A general person nobody planted anything on, picked at random.</summary>
    public int GeneralPerson(ref SampleRandom random)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var p = GeneralStart + random.Next(GeneralEnd - GeneralStart);
            if (_usedPersons.Add(p))
            {
                return p;
            }
        }
        throw new InvalidOperationException("The county has too few people for the planted cases.");
    }

    /// <summary>
    /// A home household of one of <paramref name="programmes"/>, enrolled, whose members nobody planted anything on,
    /// all with valid IDs and alive through end(P), with at least <paramref name="minMembers"/> enrolled members;
    /// marked used. −1 when the county has none left.
    /// </summary>
    public int PickHousehold(ref SampleRandom random, Programme[] programmes, int minMembers = 1)
    {
        var count = Population.HomeHouseholdCount;
        var start = random.Next(count);
        for (var k = 0; k < count; k++)
        {
            var h = (start + k) % count;
            if (IsClean(h, programmes, minMembers) && _usedHouseholds.Add(h))
            {
                for (var m = Household(h).FirstMember; m < Household(h).FirstMember + Household(h).MemberCount; m++)
                {
                    _usedPersons.Add(Population.Members[m].Person);
                }
                return h;
            }
        }
        return -1;
    }

    private bool IsClean(int h, Programme[] programmes, int minMembers)
    {
        ref readonly var household = ref Household(h);
        if (household.IsNeighbour || household.Status == EnrolmentStatus.Stopped || Array.IndexOf(programmes, household.Programme) < 0)
        {
            return false;
        }
        var enrolled = 0;
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            ref readonly var member = ref Population.Members[m];
            var traits = Person(member.Person).Traits;
            if (member.Flaw != IdFlaw.None || (traits & (PersonTraits.Planted | PersonTraits.Dead | PersonTraits.Unused)) != 0
                || _usedPersons.Contains(member.Person))
            {
                return false;
            }
            if (member.Status != EnrolmentStatus.Stopped)
            {
                enrolled++;
            }
        }
        return enrolled >= minMembers;
    }

    /// <summary>The enrolled members of a household (status not stopped), head first.</summary>
    public IEnumerable<int> EnrolledMembers(int h)
    {
        var household = Household(h);
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            if (Population.Members[m].Status != EnrolmentStatus.Stopped)
            {
                yield return m;
            }
        }
    }

    /// <summary>The first enrolled member of <paramref name="h"/>'s household: the head where enrolled.</summary>
    public int FirstEnrolledPerson(int h) => Population.Members[EnrolledMembers(h).First()].Person;

    public string Who(int person) => Masking.Who(Person(person).Name, Person(person).Key);

    /// <summary>The household's head and its 家庭编号, for notes about a whole household.</summary>
    public string WhoHousehold(int h) => $"{Who(Population.Members[Household(h).FirstMember].Person)} 户（家庭编号 {HouseholdId(h)}）";

    private void Note(string rule, string plantedCase, bool flags, string who)
    {
        var key = $"{rule}: {plantedCase}{(flags ? "" : " (no flag)")}";
        _counts[key] = (_counts.TryGetValue(key, out var n) ? n : 0) + 1;
        _notes.Add(new PlantNote(rule, plantedCase, flags, who));
    }

    /// <summary>A household's monthly amount: the enrolled members' 月保障金额, in cents.</summary>
    public long MonthlyCents(int h)
    {
        long sum = 0;
        foreach (var m in EnrolledMembers(h))
        {
            sum += Math.Max(0, Population.Members[m].AmountCents);
        }
        return sum;
    }

    public static DateOnly Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber);
}

/// <summary>One planted case of the plan's other checks, for the sample's note.</summary>
/// <param name="Flags">Whether the rule must flag it (false: a near miss it must leave alone).</param>
/// <param name="Who">The people or household concerned: names and masked IDs.</param>
internal sealed record PlantNote(string Rule, string Case, bool Flags, string Who);
