using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Model;

internal sealed partial class SamplePopulation
{
    // Programme shares, in the order urban dibao, rural dibao, tekun, edge, expenditure.
    private static readonly WeightedChoice CommunityProgrammes = new(55, 3, 15, 17, 10);
    private static readonly WeightedChoice VillageProgrammes = new(1, 67, 17, 10, 5);
    private static readonly WeightedChoice NeighbourCommunityProgrammes = new(60, 5, 20, 10, 5);
    private static readonly WeightedChoice NeighbourVillageProgrammes = new(2, 75, 18, 4, 1);

    // Household sizes 1..6 by programme (index = programme − 1).
    private static readonly WeightedChoice[] Sizes =
    [
        new(30, 28, 22, 14, 5, 1),
        new(18, 22, 20, 20, 13, 7),
        new(95, 5, 0, 0, 0, 0),
        new(5, 15, 22, 28, 20, 10),
        new(5, 15, 25, 30, 17, 8),
    ];

    // Age of the head by decade 20s..80s.
    private static readonly WeightedChoice DibaoHeadDecades = new(4, 8, 16, 24, 24, 17, 7);
    private static readonly WeightedChoice EdgeHeadDecades = new(3, 20, 30, 27, 14, 6, 1);

    // Years before P of the household's enrolment, 0..13: recent enrolments are more common.
    private static readonly WeightedChoice EnrolmentYears = new(7, 11, 10, 10, 9, 8, 7, 7, 6, 5, 4, 4, 3, 3);

    private RosterMember[] _members = new RosterMember[64];
    private int _memberCount;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildRoster(ref SampleRandom random)
    {
        var home = Options.Households;
        var neighbour = Math.Max(8, home * 6 / 100);
        Households = new RosterHousehold[home + neighbour];
        _members = new RosterMember[(home + neighbour) * 3 + 16];
        var h = 0;
        foreach (var (village, count) in Apportion(Gazetteer.Home, home))
        {
            for (var serial = 1; serial <= count; serial++)
            {
                Households[h++] = NewHousehold(ref random, village, serial, neighbour: false);
            }
        }
        HomeHouseholdCount = h;
        foreach (var (village, count) in Apportion(Gazetteer.Neighbour, neighbour))
        {
            for (var serial = 1; serial <= count; serial++)
            {
                Households[h++] = NewHousehold(ref random, village, serial, neighbour: true);
            }
        }
        Members = _members;
        RosterPersonEnd = Persons.Count;
    }

    /// <summary>Splits <paramref name="total"/> households over the villages by weight (largest remainder).</summary>
    private static List<(SampleVillage Village, int Count)> Apportion(SampleCounty county, int total)
    {
        var villages = county.Townships.SelectMany(t => t.Villages).ToList();
        var weights = villages.Select(v => (long)v.Township.Weight * v.Weight * 1000 / v.Township.Villages.Sum(x => x.Weight)).ToArray();
        var sum = weights.Sum();
        var counts = new int[villages.Count];
        var remainders = new long[villages.Count];
        var given = 0;
        for (var i = 0; i < villages.Count; i++)
        {
            counts[i] = (int)(total * weights[i] / sum);
            remainders[i] = total * weights[i] % sum;
            given += counts[i];
        }
        var order = Enumerable.Range(0, villages.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k++, given++)
        {
            counts[order[k % order.Length]]++;
        }
        return villages.Select((v, i) => (v, counts[i])).ToList();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RosterHousehold NewHousehold(ref SampleRandom random, SampleVillage village, int serial, bool neighbour)
    {
        var table = neighbour
            ? village.IsCommunity ? NeighbourCommunityProgrammes : NeighbourVillageProgrammes
            : village.IsCommunity ? CommunityProgrammes : VillageProgrammes;
        var programme = (Programme)(table.Pick(ref random) + 1);
        var status = programme switch
        {
            Programme.UrbanDibao or Programme.RuralDibao => random.Next(1000) switch
            {
                < 880 => EnrolmentStatus.Active,
                < 920 => EnrolmentStatus.PhasingOut,
                _ => EnrolmentStatus.Stopped,
            },
            Programme.Tekun => random.PerMille(920) ? EnrolmentStatus.Active : EnrolmentStatus.Stopped,
            _ => random.PerMille(930) ? EnrolmentStatus.Active : EnrolmentStatus.Stopped,
        };
        var years = EnrolmentYears.Pick(ref random);
        if (status == EnrolmentStatus.PhasingOut && years == 0)
        {
            years = 1 + random.Next(4);
        }
        var enrolled = EnrolmentDay(ref random, years);
        var household = new RosterHousehold
        {
            FirstMember = _memberCount,
            IsNeighbour = neighbour,
            Village = (ushort)village.Index,
            Serial = serial,
            Programme = programme,
            Status = status,
            Support = programme == Programme.Tekun ? random.PerMille(150) ? SupportMode.Centralised : SupportMode.Dispersed : 0,
            EnrolledDay = enrolled,
            IncomeStable = programme switch
            {
                Programme.Tekun => random.PerMille(900),
                Programme.Edge or Programme.Expenditure => random.PerMille(550),
                _ => random.PerMille(300),
            },
        };
        var size = Sizes[(int)programme - 1].Pick(ref random) + 1;
        AddMembers(ref random, ref household, size, village);
        household.MemberCount = _memberCount - household.FirstMember;
        SetHouseholdDates(ref random, household);
        return household;
    }

    private int EnrolmentDay(ref SampleRandom random, int yearsBack)
    {
        var year = Period.Year - yearsBack;
        var first = new DateOnly(year, 1, 1).DayNumber;
        var last = Math.Min(new DateOnly(year, 12, 31).DayNumber, End.DayNumber);
        return first + random.Next(last - first + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMembers(ref SampleRandom random, ref RosterHousehold household, int size, SampleVillage village)
    {
        var programme = household.Programme;
        int headAge;
        bool headMale;
        if (programme == Programme.Tekun)
        {
            headAge = random.Next(1000) switch
            {
                < 850 => random.Between(60, 95),
                < 930 => random.Between(6, 17), // orphans
                _ => random.Between(18, 59), // severely disabled adults
            };
            headMale = random.PerMille(650);
        }
        else
        {
            var decades = programme is Programme.Edge or Programme.Expenditure ? EdgeHeadDecades : DibaoHeadDecades;
            headAge = 20 + decades.Pick(ref random) * 10 + random.Next(10);
            headMale = random.PerMille(720);
        }
        if (size >= 3 && headAge < 28)
        {
            headAge = 28 + random.Next(15);
        }
        var head = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, headAge, headAge), headMale, -1, village);
        AddMember(ref random, household, head, programme == Programme.Tekun ? Relation.Self : Relation.Head, headAge);
        var remaining = size - 1;
        var headSurname = SurnameOrRandom(ref random, head);
        if (programme == Programme.Tekun)
        {
            // Two elderly or disabled siblings, each supported in their own right.
            for (; remaining > 0; remaining--)
            {
                var age = Math.Clamp(headAge + random.Between(-6, 6), 6, 98);
                var male = random.PerMille(600);
                var sibling = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), male, headSurname, village);
                AddMember(ref random, household, sibling, male ? Relation.Brother : Relation.Sister, age);
            }
            return;
        }
        var childSurname = headMale ? headSurname : -1;
        if (remaining > 0 && headAge >= 22 && random.PerMille(size == 2 ? 600 : 800))
        {
            var age = Math.Max(18, headAge + (headMale ? random.Between(-7, 3) : random.Between(-3, 7)));
            var spouse = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), !headMale, -1, village);
            AddMember(ref random, household, spouse, Relation.Spouse, age);
            if (!headMale)
            {
                childSurname = SurnameOrRandom(ref random, spouse);
            }
            remaining--;
        }
        if (childSurname < 0)
        {
            childSurname = ChineseNames.RandomSurname(ref random);
        }
        if (remaining > 0 && headAge <= 55 && random.PerMille(220))
        {
            var motherAge = Math.Min(97, headAge + random.Between(22, 34));
            var mother = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, motherAge, motherAge), false, -1, village);
            AddMember(ref random, household, mother, Relation.Mother, motherAge);
            remaining--;
            if (remaining > 0 && random.PerMille(300))
            {
                var fatherAge = Math.Min(98, motherAge + random.Between(0, 5));
                var father = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, fatherAge, fatherAge), true, headSurname, village);
                AddMember(ref random, household, father, Relation.Father, fatherAge);
                remaining--;
            }
        }
        if (remaining <= 0)
        {
            return;
        }
        if (headAge >= 58 && remaining >= 2)
        {
            // An old couple with a grown child's family: son, daughter-in-law and the grandchildren.
            var son = random.PerMille(700);
            var childAge = Math.Max(18, headAge - random.Between(22, 32));
            var child = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, childAge, childAge), son, childSurname, village);
            AddMember(ref random, household, child, son ? Relation.Son : Relation.Daughter, childAge);
            remaining--;
            if (son && remaining > 1 && random.PerMille(600))
            {
                var age = Math.Max(18, childAge + random.Between(-4, 3));
                var inLaw = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), false, -1, village);
                AddMember(ref random, household, inLaw, Relation.DaughterInLaw, age);
                remaining--;
            }
            var grandSurname = son ? childSurname : ChineseNames.RandomSurname(ref random);
            for (; remaining > 0; remaining--)
            {
                var age = random.Between(0, Math.Clamp(childAge - 20, 0, 17));
                var male = random.PerMille(530);
                var grandchild = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), male, grandSurname, village);
                AddMember(ref random, household, grandchild, male ? Relation.Grandson : Relation.Granddaughter, age);
            }
            return;
        }
        for (; remaining > 0; remaining--)
        {
            var age = headAge - random.Between(20, 36);
            if (age < 0)
            {
                age = random.Between(0, Math.Max(0, headAge - 20));
            }
            var male = random.PerMille(530);
            var child = NewPerson(ref random, AgeProfile.BirthDayAt(ref random, End, age, age), male, childSurname, village);
            AddMember(ref random, household, child, male ? Relation.Son : Relation.Daughter, age);
        }
    }

    private int SurnameOrRandom(ref SampleRandom random, int person)
    {
        var surname = ChineseNames.SurnameOf(Persons[person].Name);
        return surname >= 0 ? surname : ChineseNames.RandomSurname(ref random);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMember(ref SampleRandom random, in RosterHousehold household, int person, Relation relation, int age)
    {
        if (_memberCount == _members.Length)
        {
            Array.Resize(ref _members, _members.Length * 2);
        }
        var status = household.Status;
        // A member who married out or left is stopped alone while the household stays enrolled.
        if (status != EnrolmentStatus.Stopped && relation is not (Relation.Head or Relation.Self) && random.PerMille(15))
        {
            status = EnrolmentStatus.Stopped;
        }
        var birthDay = ResidentIdText.BirthDay(Persons[person].Key);
        _members[_memberCount++] = new RosterMember
        {
            Person = person,
            Relation = relation,
            Status = status,
            Ability = Ability(ref random, age, household.Programme),
            AmountCents = Amount(ref random, household, status),
            EnrolledDay = Math.Min(End.DayNumber, Math.Max(household.EnrolledDay, birthDay + random.Next(90))),
        };
    }

    private static WorkAbility Ability(ref SampleRandom random, int age, Programme programme)
    {
        var r = random.Next(1000);
        if (age < 16)
        {
            return WorkAbility.Unable;
        }
        if (age < 60)
        {
            if (programme == Programme.Tekun)
            {
                return r < 800 ? WorkAbility.Unable : WorkAbility.PartlyAble;
            }
            return r < 620 ? WorkAbility.Able : r < 820 ? WorkAbility.PartlyAble : WorkAbility.Unable;
        }
        if (age < 70)
        {
            return r < 150 ? WorkAbility.Able : r < 500 ? WorkAbility.PartlyAble : WorkAbility.Unable;
        }
        return r < 150 ? WorkAbility.PartlyAble : WorkAbility.Unable;
    }

    private static int Amount(ref SampleRandom random, in RosterHousehold household, EnrolmentStatus status)
    {
        if (household.Programme is Programme.Edge or Programme.Expenditure)
        {
            return -1;
        }
        if (status == EnrolmentStatus.Stopped)
        {
            return 0;
        }
        var yuan = household.Programme switch
        {
            Programme.UrbanDibao => random.Between(300, 780),
            Programme.RuralDibao => random.Between(150, 460),
            _ => household.Support == SupportMode.Centralised ? random.Between(820, 1100) : random.Between(690, 900),
        };
        var cents = yuan * 100 + (random.PerMille(200) ? 50 : 0);
        // 渐退: half the amount for the months of phasing out.
        return status == EnrolmentStatus.PhasingOut ? cents / 2 : cents;
    }

    /// <summary>
    /// 最近核对日期 and 最近入户调查日期: recent for most households, overdue or never recorded for some; on a few
    /// households the members' rows disagree (the newest date is the household's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetHouseholdDates(ref SampleRandom random, in RosterHousehold household)
    {
        var end = End.DayNumber;
        var check = random.Next(1000) switch
        {
            < 40 => 0,
            < 130 => End.AddMonths(-random.Between(7, 20)).DayNumber - random.Next(28),
            _ => end - random.Next(150),
        };
        var visit = random.Next(1000) switch
        {
            < 50 => 0,
            < 160 => End.AddMonths(-random.Between(7, 24)).DayNumber - random.Next(28),
            _ => end - random.Next(170),
        };
        var first = household.FirstMember;
        var count = household.MemberCount;
        // Who carries the newest date: nearly always the head.
        var newest = count > 1 && random.PerMille(30) ? first + 1 + random.Next(count - 1) : first;
        for (var m = first; m < first + count; m++)
        {
            ref var member = ref _members[m];
            member.CheckDay = check;
            member.VisitDay = visit;
            if (m == newest || check == 0)
            {
                continue;
            }
            var r = random.Next(1000);
            if (r < 60)
            {
                member.CheckDay = check - random.Between(150, 200);
            }
            else if (r < 80)
            {
                member.CheckDay = 0;
            }
        }
    }
}
