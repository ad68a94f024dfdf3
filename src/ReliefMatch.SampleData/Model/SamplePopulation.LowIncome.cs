using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.People;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    /// <summary>Out-of-pocket threshold of the shipped low-income-medical rule: 20 000 yuan.</summary>
    public const long MedicalThresholdCents = 2_000_000;

    /// <summary>
    /// Low-income people (edge or expenditure members, monitored people) with medical costs above the
    /// threshold, exactly on it, a cent below it, or over it only if a settlement a day before the window is
    /// counted; and with severe disability certificates (and two that are not: cancelled, or level 3 of 肢体).
    /// Decoys outside the rule: a dibao recipient and a monitored person whose risk is cleared, both over it.
    /// </summary>
    private void PlantLowIncome(ref SampleRandom random)
    {
        var edge = new List<int>();
        var dibao = new List<int>();
        for (var h = 0; h < HomeHouseholdCount; h++)
        {
            ref readonly var household = ref Households[h];
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                var person = Members[m].Person;
                var traits = Persons[person].Traits;
                if ((traits & (PersonTraits.Planted | PersonTraits.Dead | PersonTraits.Unused)) != 0 || !Members[m].Status.IsEnrolled())
                {
                    continue;
                }
                if ((traits & (PersonTraits.LowIncome | PersonTraits.DibaoOrTekun)) == PersonTraits.LowIncome)
                {
                    edge.Add(person);
                }
                else if (household.Programme.IsDibao())
                {
                    dibao.Add(person);
                }
            }
        }
        var monitored = new List<int>();
        var cleared = new List<int>();
        for (var p = RosterPersonEnd; p < MonitoredPersonEnd; p++)
        {
            var traits = Persons[p].Traits;
            if ((traits & (PersonTraits.Planted | PersonTraits.Dead)) != 0)
            {
                continue;
            }
            ((traits & PersonTraits.LowIncome) != 0 ? monitored : cleared).Add(p);
        }

        var toggle = 0;
        int LowIncomePerson(ref SampleRandom r)
        {
            // Alternate between roster edge/expenditure members and monitored people off the roster.
            var list = toggle++ % 2 == 0 && edge.Count > 0 || monitored.Count == 0 ? edge : monitored;
            return Take(ref r, list);
        }

        for (var i = 0; i < Scaled(2, 1000); i++)
        {
            PlantMedical(ref random, LowIncomePerson(ref random), random.Between(2_050_000L, 4_500_000L), edges: false,
                "low-income-medical: over the threshold");
        }
        PlantMedical(ref random, LowIncomePerson(ref random), MedicalThresholdCents, edges: true,
            "low-income-medical: exactly at the threshold");
        PlantMedical(ref random, LowIncomePerson(ref random), MedicalThresholdCents - 1, edges: true,
            "low-income-medical: one cent below (no flag)");
        var outside = LowIncomePerson(ref random);
        PlantMedical(ref random, outside, 1_200_000, edges: false, "low-income-medical: over only with a settlement before the window (no flag)");
        AddPlantedSettlement(ref random, outside, MedicalWindowStart.DayNumber - 1, inpatient: true, 900_000);
        PlantMedical(ref random, Take(ref random, dibao), 3_000_000, edges: false, "medical costs of a dibao recipient (no flag)");
        PlantMedical(ref random, Take(ref random, cleared), 2_600_000, edges: false, "medical costs of a monitored person with risk cleared (no flag)");

        var certificates = new List<PlantedCertificate>();
        var severe = Scaled(2, 500);
        for (var i = 0; i < severe; i++)
        {
            var person = LowIncomePerson(ref random);
            if (person < 0)
            {
                break;
            }
            // One in five (and always the first) is level 3 of 智力 or 精神, severe only for those categories.
            var levelThree = i == 0 || random.PerMille(200);
            var category = levelThree
                ? random.PerMille(500) ? DisabilityCategory.Intellectual : DisabilityCategory.Mental
                : (DisabilityCategory)(1 + random.Next(7));
            certificates.Add(new PlantedCertificate(person, category, levelThree ? 3 : 1 + random.Next(2), "有效"));
            Persons[person].Traits |= PersonTraits.Planted | PersonTraits.PlantedDisability;
            Count(levelThree ? "low-income-severe-disability: level 3 intellectual or mental" : "low-income-severe-disability: level 1 or 2");
        }
        var cancelled = LowIncomePerson(ref random);
        if (cancelled >= 0)
        {
            certificates.Add(new PlantedCertificate(cancelled, DisabilityCategory.Physical, 1, "注销"));
            Persons[cancelled].Traits |= PersonTraits.Planted | PersonTraits.PlantedDisability;
            Count("severe disability certificate cancelled (no flag)");
        }
        var physical = LowIncomePerson(ref random);
        if (physical >= 0)
        {
            certificates.Add(new PlantedCertificate(physical, DisabilityCategory.Physical, 3, "有效"));
            Persons[physical].Traits |= PersonTraits.Planted | PersonTraits.PlantedDisability;
            Count("level 3 physical disability, not severe (no flag)");
        }
        PlantedCertificates = certificates.ToArray();
    }

    private static int Take(ref SampleRandom random, List<int> list)
    {
        if (list.Count == 0)
        {
            return -1;
        }
        var i = random.Next(list.Count);
        var person = list[i];
        list[i] = list[^1];
        list.RemoveAt(list.Count - 1);
        return person;
    }

    /// <summary>
    /// Three settlements in the 12-month window whose out-of-pocket parts add up to exactly
    /// <paramref name="targetCents"/>: two inpatient (a file with 个人自付) and one outpatient (a file without it,
    /// where it is total minus the funds' payments). With <paramref name="edges"/>, on the window's first and last day.
    /// </summary>
    private void PlantMedical(ref SampleRandom random, int person, long targetCents, bool edges, string plantedCase)
    {
        if (person < 0)
        {
            return;
        }
        var a = targetCents * random.Between(40, 60) / 100;
        var b = targetCents * random.Between(15, 30) / 100;
        var c = targetCents - a - b;
        var first = MedicalWindowStart.DayNumber;
        var last = End.DayNumber;
        AddPlantedSettlement(ref random, person, edges ? first : first + random.Next(last - first + 1), inpatient: true, a);
        AddPlantedSettlement(ref random, person, first + random.Next(last - first + 1), inpatient: true, b);
        AddPlantedSettlement(ref random, person, edges ? last : first + random.Next(last - first + 1), inpatient: false, c);
        Count(plantedCase);
    }

    private void AddPlantedSettlement(ref SampleRandom random, int person, int day, bool inpatient, long outOfPocket)
    {
        var basic = outOfPocket * random.Between(120, 260) / 100;
        var critical = inpatient ? outOfPocket * random.Between(0, 50) / 100 : 0;
        var assistance = (Persons[person].Traits & (PersonTraits.LowIncome | PersonTraits.DibaoOrTekun)) != 0
            ? outOfPocket * random.Between(10, 35) / 100
            : 0;
        if (!_plantedSettlements.TryGetValue(person, out var list))
        {
            _plantedSettlements[person] = list = [];
        }
        list.Add(new PlantedSettlement(person, day, inpatient, outOfPocket + basic + critical + assistance, basic, critical, assistance));
        Persons[person].Traits |= PersonTraits.Planted | PersonTraits.PlantedMedical;
    }

    /// <summary>
    /// Everyone with settlements: about 2.5 patients per roster household, a quarter to nearly half of recipients
    /// and monitored people (the old more often), and 1.5 per household from the county at large.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildPatients(ref SampleRandom random, SamplePerson[] general)
    {
        var patients = new List<int>(Options.Households * 5 / 2 + 64);
        for (var p = 0; p < MonitoredPersonEnd; p++)
        {
            var traits = Persons[p].Traits;
            if ((traits & PersonTraits.PlantedMedical) != 0)
            {
                patients.Add(p);
                continue;
            }
            // The county's medical insurance settles for its own insured, not the neighbour county's.
            if ((traits & (PersonTraits.Unused | PersonTraits.Planted)) != 0 || VillageOf(p).County != Places.Gazetteer.Home)
            {
                continue;
            }
            var perMille = p >= RosterPersonEnd
                ? 250
                : AgeProfile.AgeAt(ResidentIdText.BirthDay(Persons[p].Key), End) switch { < 18 => 150, < 60 => 250, _ => 450 };
            if (random.PerMille(perMille))
            {
                patients.Add(p);
            }
        }
        foreach (var person in general)
        {
            patients.Add(Persons.Add(person.Key, person.Name, person.Village));
        }
        var array = patients.ToArray();
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }
        Patients = array;
    }

    /// <summary>Patients who are on no list: 1.5 per roster household, older than the county on the whole.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SamplePerson[] GeneralPatients()
    {
        var random = new SampleRandom(Seed, 107);
        var ids = new IdAllocator(PatientRankBase, PatientRankCount);
        var people = new SamplePerson[Options.Households * 3 / 2];
        for (var i = 0; i < people.Length; i++)
        {
            var village = HomeVillageChoice.Pick(ref random);
            var birth = AgeProfile.Patients.BirthDay(ref random, End);
            var male = random.PerMille(480);
            var key = ids.Allocate(Birthplace(ref random, neighbour: false), birth, male);
            people[i] = new SamplePerson
            {
                Key = key,
                Name = ChineseNames.Create(ref random, male, ResidentIdText.BirthDate(key).Year),
                Village = (ushort)village,
            };
        }
        return people;
    }
}
