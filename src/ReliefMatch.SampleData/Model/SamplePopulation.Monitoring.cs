using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    private static readonly WeightedChoice MonitoredSizes = new(8, 15, 22, 27, 18, 10);
    private static readonly WeightedChoice MonitorTypes = new(45, 40, 15);
    private static readonly WeightedChoice RiskChoice = new(SampleVocabulary.RiskWeights);

    /// <summary>
    /// The 防止返贫 monitoring list: most edge households and some dibao and expenditure households of the
    /// roster, and many more rural households that receive no assistance; about as many people as there are
    /// roster households. About a third have had their risk cleared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildMonitoring(ref SampleRandom random)
    {
        var households = new List<MonitoredHousehold>(Options.Households / 3 + 16);
        var members = new List<MonitoredMember>(Options.Households + 64);
        var serials = new int[Gazetteer.Villages.Length];
        var target = Options.Households;
        for (var h = 0; h < HomeHouseholdCount; h++)
        {
            ref readonly var household = ref Households[h];
            var share = household.Programme switch
            {
                Programme.Edge => 700,
                Programme.Expenditure => 300,
                Programme.RuralDibao => 60,
                _ => 0,
            };
            if (!random.PerMille(share))
            {
                continue;
            }
            var first = members.Count;
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                if ((Persons[Members[m].Person].Traits & PersonTraits.Planted) == 0)
                {
                    members.Add(new MonitoredMember { Person = Members[m].Person, Relation = Members[m].Relation == Relation.Self ? Relation.Head : Members[m].Relation });
                }
            }
            if (members.Count == first)
            {
                continue;
            }
            households.Add(NewMonitored(ref random, household.Village, ++serials[household.Village], first, members.Count - first, h,
                household.Programme == Programme.Edge && random.PerMille(700) ? 1 : MonitorTypes.Pick(ref random),
                clearedPerMille: 250));
        }
        while (members.Count < target)
        {
            var village = Gazetteer.Villages[RuralVillageChoice.Pick(ref random)];
            var first = members.Count;
            AddMonitoredFamily(ref random, village, MonitoredSizes.Pick(ref random) + 1, members);
            households.Add(NewMonitored(ref random, (ushort)village.Index, ++serials[village.Index], first, members.Count - first, -1,
                MonitorTypes.Pick(ref random), clearedPerMille: 370));
        }
        // Keep the file in village order, as the monitoring system exports it.
        Monitored = households.OrderBy(x => x.Village).ThenBy(x => x.Serial).ToArray();
        MonitoredMembers = members.ToArray();
        MonitoredPersonEnd = Persons.Count;
        Count("monitoring: roster households also monitored", households.Count(x => x.RosterHousehold >= 0));
    }

    private MonitoredHousehold NewMonitored(
        ref SampleRandom random, ushort village, int serial, int first, int count, int rosterHousehold, int type, int clearedPerMille)
    {
        var cleared = random.PerMille(clearedPerMille);
        var risks = (ushort)(1 << RiskChoice.Pick(ref random));
        if (random.PerMille(300))
        {
            risks |= (ushort)(1 << RiskChoice.Pick(ref random));
        }
        // Identified since mid-2020; the cleared ones earlier on the whole.
        var earliest = new DateOnly(Math.Min(2020, Period.Year - 3), 6, 1).DayNumber;
        var span = End.DayNumber - earliest;
        var identified = earliest + (cleared ? random.Next(span * 2 / 3 + 1) : random.Next(span + 1));
        return new MonitoredHousehold
        {
            FirstMember = first,
            MemberCount = count,
            Village = village,
            Serial = serial,
            MonitorType = (byte)type,
            Risks = risks,
            Cleared = cleared,
            IdentifiedDay = identified,
            IncomePerCapitaCents = (cleared ? random.Between(7_000, 16_000) : random.Between(4_200, 11_000)) * 100 + random.Next(100),
            RosterHousehold = rosterHousehold,
        };
    }

    /// <summary>A rural family: a head of 30–75, perhaps a spouse, children or grandchildren, perhaps a parent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMonitoredFamily(ref SampleRandom random, SampleVillage village, int size, List<MonitoredMember> members)
    {
        var headAge = random.Between(30, 75);
        var headMale = random.PerMille(820);
        var head = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, headAge, headAge), headMale, -1, village);
        members.Add(new MonitoredMember { Person = head, Relation = Relation.Head });
        var surname = SurnameOrRandom(ref random, head);
        var remaining = size - 1;
        if (remaining > 0 && random.PerMille(850))
        {
            var age = Math.Max(20, headAge + random.Between(-5, 4));
            var spouse = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), !headMale, -1, village);
            members.Add(new MonitoredMember { Person = spouse, Relation = Relation.Spouse });
            if (!headMale)
            {
                surname = SurnameOrRandom(ref random, spouse);
            }
            remaining--;
        }
        if (remaining > 0 && headAge < 55 && random.PerMille(250))
        {
            var age = Math.Min(96, headAge + random.Between(22, 32));
            var parent = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), false, -1, village);
            members.Add(new MonitoredMember { Person = parent, Relation = Relation.Mother });
            remaining--;
        }
        var grand = headAge >= 58;
        for (; remaining > 0; remaining--)
        {
            var age = grand ? random.Between(0, 17) : Math.Max(0, headAge - random.Between(20, 36));
            var male = random.PerMille(530);
            var child = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), male, surname, village);
            members.Add(new MonitoredMember
            {
                Person = child,
                Relation = grand ? male ? Relation.Grandson : Relation.Granddaughter : male ? Relation.Son : Relation.Daughter,
            });
        }
    }

    /// <summary>Who is enrolled in what, now that the roster and the monitoring list are settled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkTraits()
    {
        for (var h = 0; h < Households.Length; h++)
        {
            ref readonly var household = ref Households[h];
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                if (!Members[m].Status.IsEnrolled())
                {
                    continue;
                }
                ref var person = ref Persons[Members[m].Person];
                if (household.Programme.IsDibao() || household.Programme == Programme.Tekun)
                {
                    person.Traits |= PersonTraits.DibaoOrTekun;
                }
                else if (!household.IsNeighbour)
                {
                    person.Traits |= PersonTraits.LowIncome;
                }
            }
        }
        foreach (var household in Monitored)
        {
            if (household.Cleared)
            {
                continue;
            }
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                Persons[MonitoredMembers[m].Person].Traits |= PersonTraits.LowIncome;
            }
        }
    }
}
